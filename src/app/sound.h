/* sound: the cues heard — breathe in and out, the last seconds of a hold, a hold done, switch
 * sides, the next exercise — through SDL's own audio, for a patient whose eyes are elsewhere.
 * The frame loop never waits on it: the device is opened on a thread of its own (only when
 * sound is first on, so a silent kiosk never opens one), every tone is made once then, and
 * cues reach the audio thread through a lock-free queue. Depends on SDL and core (cues, tone). */
#ifndef SK_SOUND_H
#define SK_SOUND_H

#include <SDL.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "cues.h"

#define SOUND_RATE 48000   /* samples a second, mono, 32-bit float (as SDL's disk driver writes) */
#define SOUND_SAMPLES 1024 /* a callback's samples: 21 ms */
#define SOUND_VOICES 8     /* cues heard at once */
#define SOUND_QUEUE 16     /* cues waiting for the audio thread (a power of two) */

typedef enum sound_state_t {
    SOUND_CLOSED = 0, /* no device (never on) */
    SOUND_OPENING,    /* the opener thread is at work */
    SOUND_READY,      /* the device plays */
    SOUND_FAILED,     /* no device: the show runs silent */
} sound_state_t;

typedef struct sound_voice_t {
    int kind; /* cue_kind_t; CUE_NONE = free */
    int pos;  /* next sample of its tone */
} sound_voice_t;

typedef struct sound_t {
    /* the main thread's */
    bool on;            /* cues are heard */
    bool said;          /* the failure's log line is written */
    SDL_Thread *opener; /* opens the device; joined once done */
    cues_t cues;        /* the show as the last tick left it */
    /* the opener thread's, read by others only after state says READY or FAILED */
    atomic_int state; /* sound_state_t */
    char error[256];  /* why there is no device */
    SDL_AudioDeviceID device;
    float *tones; /* heap, one block: every cue's samples, made at opening */
    int offset[CUE_KIND_NUM], length[CUE_KIND_NUM];
    /* shared with the audio thread */
    atomic_bool audible;
    _Atomic float gain;               /* the volume, 0..1 */
    unsigned char queue[SOUND_QUEUE]; /* cue kinds: the main thread writes at head ... */
    atomic_uint head, tail;           /* ... the audio thread reads at tail */
    atomic_long heard;                /* cues the audio thread started (tests) */
    /* the audio thread's */
    sound_voice_t voice[SOUND_VOICES];
} sound_t;

/* Ready to sound at `volume` (0..1); opens the device now if `on`. No device is no error: the
 * show runs silent, and sound_tick says so once, in one log line. */
void sound_init(sound_t *sound, bool on, float volume);

/* Cues heard or not (S). Turning on for the first time opens the device, on its thread. */
void sound_set_on(sound_t *sound, bool on);
void sound_set_volume(sound_t *sound, float volume);

/* After every show_update: the cues its tick crossed are heard (see cues_update). Allocates
 * nothing and never blocks. */
void sound_tick(sound_t *sound, const show_t *show);

/* True once the device could not be opened: the show runs silent. */
bool sound_failed(const sound_t *sound);

/* One cue heard now, if sound is on and the device plays; else nothing. */
void sound_cue(sound_t *sound, cue_kind_t kind);

/* Waits for the opener, closes the device, frees the tones. A zeroed sound_t closes too. */
void sound_close(sound_t *sound);

#endif
