/* tone: each cue's sound as a few notes (see tone.h). A note is a sine with its second and
 * third harmonics a little under it (warmer than a bare sine, softer than a square), gliding
 * gently from one pitch to another, under an envelope that rises as half a cosine (starting
 * at zero with zero slope) and falls as a power of the time left (ending at zero with zero
 * slope), so nothing clicks. The levels are set so that no cue's peak passes TONE_PEAK.
 * Pure: libm only. */
#include "tone.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define PI 3.14159265358979323846
#define HARMONIC_2 0.20 /* of the fundamental */
#define HARMONIC_3 0.06

typedef struct tone_note_t {
    float start, length; /* s */
    float from, to;      /* Hz: a glide from one to the other over the note */
    float level;         /* peak of the note alone (full scale 1) */
    float attack;        /* s to rise */
    float fall;          /* the fall's power: 1 fades evenly, 3 rings like a bell */
} tone_note_t;

/* Equal-tempered pitches, Hz. */
#define G4 392.00f
#define C4 261.63f
#define E4 329.63f
#define C5 523.25f
#define D5 587.33f
#define E5 659.25f
#define G5 783.99f
#define A5 880.00f
#define B5 987.77f
#define D6 1174.66f

/* breathing in rises (a fourth, each note lifting a little); breathing out falls */
static const tone_note_t BREATHE_IN[] = {{0.00f, 0.45f, G4, G4 * 1.02f, 0.28f, 0.06f, 1.6f},
                                         {0.28f, 0.55f, C5, C5 * 1.02f, 0.28f, 0.06f, 1.6f}};
static const tone_note_t BREATHE_OUT[] = {{0.00f, 0.45f, C5, C5 * 0.98f, 0.28f, 0.06f, 1.6f},
                                          {0.28f, 0.55f, G4, G4 * 0.98f, 0.28f, 0.06f, 1.6f}};
/* the last seconds: short soft ticks, the last one higher */
static const tone_note_t TICK[] = {{0.00f, 0.07f, A5, A5, 0.18f, 0.006f, 2.0f}};
static const tone_note_t TICK_LAST[] = {{0.00f, 0.07f, D6, D6, 0.18f, 0.006f, 2.0f}};
/* a hold done: two bell-like notes, a fifth apart, rising */
static const tone_note_t HOLD_DONE[] = {{0.00f, 0.80f, E5, E5, 0.25f, 0.006f, 3.0f},
                                        {0.16f, 0.90f, B5, B5, 0.22f, 0.006f, 3.0f}};
/* switch sides: there and back, three quick notes */
static const tone_note_t SWITCH_SIDES[] = {{0.00f, 0.20f, D5, D5, 0.28f, 0.010f, 2.0f},
                                           {0.15f, 0.20f, G5, G5, 0.28f, 0.010f, 2.0f},
                                           {0.30f, 0.30f, D5, D5, 0.28f, 0.010f, 2.0f}};
/* the next exercise: a warm major chord, gently spread from the bottom */
static const tone_note_t NEXT_EXERCISE[] = {{0.00f, 1.20f, C4, C4, 0.13f, 0.09f, 2.0f},
                                            {0.03f, 1.17f, E4, E4, 0.11f, 0.09f, 2.0f},
                                            {0.06f, 1.14f, G4, G4, 0.10f, 0.09f, 2.0f},
                                            {0.09f, 1.11f, C5, C5, 0.08f, 0.09f, 2.0f}};

#define NOTES(a) a, (int)(sizeof(a) / sizeof((a)[0]))
static const struct {
    const tone_note_t *notes;
    int count;
} TONES[CUE_KIND_NUM] = {
    [CUE_BREATHE_IN] = {NOTES(BREATHE_IN)},
    [CUE_BREATHE_OUT] = {NOTES(BREATHE_OUT)},
    [CUE_COUNT_3] = {NOTES(TICK)},
    [CUE_COUNT_2] = {NOTES(TICK)},
    [CUE_COUNT_1] = {NOTES(TICK_LAST)},
    [CUE_HOLD_DONE] = {NOTES(HOLD_DONE)},
    [CUE_SWITCH_SIDES] = {NOTES(SWITCH_SIDES)},
    [CUE_NEXT_EXERCISE] = {NOTES(NEXT_EXERCISE)},
};

static bool known(cue_kind_t kind, int rate) {
    return kind > CUE_NONE && kind < CUE_KIND_NUM && rate >= TONE_MIN_RATE && rate <= TONE_MAX_RATE;
}

int tone_length(cue_kind_t kind, int rate) {
    if (!known(kind, rate)) return 0;
    double end = 0.0;
    for (int i = 0; i < TONES[kind].count; i++) {
        const tone_note_t *n = &TONES[kind].notes[i];
        end = fmax(end, (double)n->start + n->length);
    }
    return (int)ceil(end * rate) + 1; /* and one sample of silence: the end is exactly 0 */
}

int tone_render(cue_kind_t kind, int rate, float *out, int max) {
    int length = tone_length(kind, rate);
    if (length > max) length = max;
    if (length <= 0) return 0;
    memset(out, 0, (size_t)length * sizeof *out);
    const double norm = 1.0 / (1.0 + HARMONIC_2 + HARMONIC_3);
    for (int i = 0; i < TONES[kind].count; i++) {
        const tone_note_t *n = &TONES[kind].notes[i];
        int first = (int)lround((double)n->start * rate);
        double phase = 0.0;
        for (int s = first; s < length; s++) {
            double t = (double)(s - first) / rate;
            if (t >= n->length) break;
            double u = t / n->length;
            double rise = t < n->attack ? 0.5 - 0.5 * cos(PI * t / n->attack) : 1.0;
            double env = rise * pow(1.0 - u, n->fall);
            double wave =
                sin(phase) + HARMONIC_2 * sin(2.0 * phase) + HARMONIC_3 * sin(3.0 * phase);
            out[s] += (float)(n->level * norm * env * wave);
            phase += 2.0 * PI * (n->from + (n->to - n->from) * u) / rate;
            if (phase > 2.0 * PI) phase -= 2.0 * PI;
        }
    }
    return length;
}
