/* tone: the sound of each cue, made by the program — soft sine notes with two quiet
 * harmonics under smooth envelopes that start and end at silence (no click): breathe in a
 * gentle rising pair, breathe out the same pair falling, the last seconds short soft ticks, a
 * hold done a two-note chime, switch sides a three-note figure, the next exercise a warm chord.
 * Pure: no SDL, no GL, no allocation (the caller gives the buffer). */
#ifndef SK_TONE_H
#define SK_TONE_H

#include "cues.h"

#define TONE_PEAK 0.32f      /* the loudest sample of any cue (full scale is 1) */
#define TONE_MAX_SECONDS 1.5 /* the longest cue */
#define TONE_MIN_RATE 8000   /* samples a second the tones are made for ... */
#define TONE_MAX_RATE 192000 /* ... */

/* Samples of cue `kind` at `rate` samples a second (0 for CUE_NONE or a rate out of range);
 * the last is silence. */
int tone_length(cue_kind_t kind, int rate);

/* Writes the cue's samples (mono, -1..1) into out, at most max of them; returns how many. */
int tone_render(cue_kind_t kind, int rate, float *out, int max);

#endif
