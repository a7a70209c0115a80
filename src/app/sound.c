/* sound: cues through SDL's audio (see sound.h).
 *
 * Three threads touch a sound_t, each its own part. The main thread (the frame loop) finds
 * each tick's cues (cues.c) and puts their kinds in a single-producer single-consumer ring:
 * it writes a slot, then publishes `head` (release); SDL's audio thread reads `head`
 * (acquire), starts a voice for each new kind and publishes `tail`. A full ring drops the
 * cue: nothing waits. The audio callback mixes the voices from tones made once, scaled by the
 * volume; with sound off it sends silence and lets its voices go. SDL_LockAudioDevice is never
 * used, and nothing is allocated after the opening.
 *
 * Opening a device can take tens of milliseconds (a sound server answering) or fail (no sound
 * card), so it runs on an opener thread the first time sound is on: SDL's audio subsystem,
 * the tones, the device. It publishes SOUND_READY or SOUND_FAILED last (release); the main
 * thread reads that (acquire) before it touches the device, and says a failure in one log line
 * (the log is the main thread's). Cues before the device plays are dropped, not kept to play
 * late. ALSA's library prints its own errors on stderr when there is no card; when SDL chose
 * ALSA, those are silenced through the library SDL loaded (no new library), so no device stays
 * one line. Depends on SDL and core (cues, tone). */
#include "sound.h"

#include <stdio.h>
#include <string.h>

#include "log.h"
#include "tone.h"

/* ALSA's error handler (alsa/error.h), to quiet the library SDL loaded. */
typedef void (*alsa_error_handler_t)(const char *file, int line, const char *function, int err,
                                     const char *fmt, ...);
typedef int (*alsa_set_handler_t)(alsa_error_handler_t handler);

static void alsa_quiet(const char *file, int line, const char *function, int err, const char *fmt,
                       ...) {
    (void)file, (void)line, (void)function, (void)err, (void)fmt;
}

static void quiet_alsa(void) {
    const char *driver = SDL_GetCurrentAudioDriver();
    if (!driver || strcmp(driver, "alsa") != 0) return;
    void *lib = SDL_LoadObject("libasound.so.2"); /* already loaded by SDL: the same one */
    if (!lib) return;
    alsa_set_handler_t set = (alsa_set_handler_t)SDL_LoadFunction(lib, "snd_lib_error_set_handler");
    if (set) set(alsa_quiet);
    SDL_UnloadObject(lib);
}

/* ---- The audio thread ------------------------------------------------------------------- */

static void voice_start(sound_t *s, int kind) {
    if (kind <= CUE_NONE || kind >= CUE_KIND_NUM || s->length[kind] <= 0) return;
    sound_voice_t *v = &s->voice[0];
    for (int i = 0; i < SOUND_VOICES; i++) { /* a free voice, else the one nearest its end */
        sound_voice_t *c = &s->voice[i];
        if (c->kind == CUE_NONE) {
            v = c;
            break;
        }
        if ((long long)c->pos * s->length[v->kind] > (long long)v->pos * s->length[c->kind]) v = c;
    }
    v->kind = kind;
    v->pos = 0;
    atomic_fetch_add_explicit(&s->heard, 1, memory_order_relaxed);
}

static void mix(void *data, Uint8 *stream, int bytes) {
    sound_t *s = data;
    float *out = (float *)(void *)stream;
    int n = bytes / (int)sizeof *out;
    memset(stream, 0, (size_t)bytes);
    bool audible = atomic_load_explicit(&s->audible, memory_order_relaxed);
    unsigned tail = atomic_load_explicit(&s->tail, memory_order_relaxed);
    unsigned head = atomic_load_explicit(&s->head, memory_order_acquire);
    for (; tail != head; tail++) {
        if (audible) voice_start(s, s->queue[tail % SOUND_QUEUE]);
    }
    atomic_store_explicit(&s->tail, tail, memory_order_release);
    float gain = atomic_load_explicit(&s->gain, memory_order_relaxed);
    for (int i = 0; i < SOUND_VOICES; i++) {
        sound_voice_t *v = &s->voice[i];
        if (v->kind == CUE_NONE) continue;
        if (!audible) { /* off: what was sounding stops (the ring was emptied above) */
            v->kind = CUE_NONE;
            continue;
        }
        const float *tone = s->tones + s->offset[v->kind];
        int left = s->length[v->kind] - v->pos, k = left < n ? left : n;
        for (int j = 0; j < k; j++) out[j] += tone[v->pos + j] * gain;
        v->pos += k;
        if (v->pos >= s->length[v->kind]) v->kind = CUE_NONE;
    }
}

/* ---- The opener thread ------------------------------------------------------------------ */

static int fail(sound_t *s, const char *what, bool quit) {
    snprintf(s->error, sizeof s->error, "%s%s%s", what, what[0] ? ": " : "", SDL_GetError());
    SDL_free(s->tones);
    s->tones = NULL;
    if (quit) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    atomic_store_explicit(&s->state, SOUND_FAILED, memory_order_release);
    return 0;
}

/* Every cue's samples, made once into one block. */
static bool make_tones(sound_t *s) {
    int total = 0;
    for (int k = 0; k < CUE_KIND_NUM; k++) {
        s->offset[k] = total;
        s->length[k] = tone_length(k, SOUND_RATE);
        total += s->length[k];
    }
    s->tones = SDL_malloc((size_t)total * sizeof *s->tones);
    if (!s->tones) return false;
    for (int k = 0; k < CUE_KIND_NUM; k++) {
        tone_render(k, SOUND_RATE, s->tones + s->offset[k], s->length[k]);
    }
    return true;
}

static int open_device(void *data) {
    sound_t *s = data;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return fail(s, "", false);
    quiet_alsa();
    if (!make_tones(s)) return fail(s, "out of memory for the tones", true);
    SDL_AudioSpec want = {.freq = SOUND_RATE,
                          .format = AUDIO_F32SYS,
                          .channels = 1,
                          .samples = SOUND_SAMPLES,
                          .callback = mix,
                          .userdata = s};
    SDL_AudioSpec got;
    /* no changes allowed: SDL converts for the hardware, so the callback's format is ours */
    s->device = SDL_OpenAudioDevice(NULL, 0, &want, &got, 0);
    if (s->device == 0) return fail(s, "", true);
    SDL_PauseAudioDevice(s->device, 0);
    atomic_store_explicit(&s->state, SOUND_READY, memory_order_release);
    return 0;
}

/* ---- The main thread -------------------------------------------------------------------- */

void sound_init(sound_t *s, bool on, float volume) {
    memset(s, 0, sizeof *s);
    atomic_init(&s->state, SOUND_CLOSED);
    atomic_init(&s->audible, false);
    atomic_init(&s->gain, 0.0f);
    atomic_init(&s->head, 0u);
    atomic_init(&s->tail, 0u);
    atomic_init(&s->heard, 0);
    cues_init(&s->cues);
    sound_set_volume(s, volume);
    sound_set_on(s, on);
}

void sound_set_volume(sound_t *s, float volume) {
    volume = volume < 0.0f ? 0.0f : volume > 1.0f ? 1.0f : volume;
    atomic_store_explicit(&s->gain, volume, memory_order_relaxed);
}

void sound_set_on(sound_t *s, bool on) {
    s->on = on;
    atomic_store_explicit(&s->audible, on, memory_order_relaxed);
    cues_init(&s->cues); /* from the next tick on: nothing from before is heard */
    if (!on || atomic_load_explicit(&s->state, memory_order_acquire) != SOUND_CLOSED) return;
    atomic_store_explicit(&s->state, SOUND_OPENING, memory_order_relaxed);
    s->opener = SDL_CreateThread(open_device, "sk-sound", s);
    if (!s->opener) fail(s, "cannot start a thread to open it", false);
}

/* The opener is done: join it, and say once when there is no device. */
static void settle(sound_t *s) {
    int state = atomic_load_explicit(&s->state, memory_order_acquire);
    if (state != SOUND_READY && state != SOUND_FAILED) return;
    if (s->opener) {
        SDL_WaitThread(s->opener, NULL);
        s->opener = NULL;
    }
    if (state == SOUND_FAILED && !s->said) {
        log_warning("no audio device (%s): the show runs silent", s->error);
        s->said = true;
    }
}

bool sound_failed(const sound_t *s) {
    return atomic_load_explicit(&s->state, memory_order_acquire) == SOUND_FAILED;
}

void sound_cue(sound_t *s, cue_kind_t kind) {
    if (!s->on || atomic_load_explicit(&s->state, memory_order_acquire) != SOUND_READY) return;
    unsigned head = atomic_load_explicit(&s->head, memory_order_relaxed);
    unsigned tail = atomic_load_explicit(&s->tail, memory_order_acquire);
    if (head - tail >= SOUND_QUEUE) return; /* full: the audio thread is behind; drop it */
    s->queue[head % SOUND_QUEUE] = (unsigned char)kind;
    atomic_store_explicit(&s->head, head + 1, memory_order_release);
}

void sound_tick(sound_t *s, const show_t *show) {
    if (s->opener || (!s->said && s->error[0])) settle(s);
    if (!s->on) return;
    cue_kind_t cues[CUES_MAX];
    int n = cues_update(&s->cues, show, cues, CUES_MAX);
    for (int i = 0; i < n; i++) sound_cue(s, cues[i]);
}

void sound_close(sound_t *s) {
    if (s->opener) {
        SDL_WaitThread(s->opener, NULL);
        s->opener = NULL;
    }
    if (atomic_load_explicit(&s->state, memory_order_acquire) == SOUND_READY) {
        SDL_CloseAudioDevice(s->device); /* joins the audio thread */
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    SDL_free(s->tones);
    s->tones = NULL;
    s->device = 0;
    atomic_store_explicit(&s->state, SOUND_CLOSED, memory_order_relaxed);
}
