/* maths: the few small pieces of arithmetic the show uses in several places, written once —
 * the calm in-and-out curve, quantising a value for a cache key or a redraw test, wrapping a
 * time into a loop, and hashing bytes for a key. (Box arithmetic is layout.h's.) Pure: libm
 * only; header-only (static inline), for core and app alike. */
#ifndef SK_MATHS_H
#define SK_MATHS_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

/* Smoothstep of u clamped to [0, 1]: 0 and 1 at the ends, zero speed at both (a move starts
 * and ends calmly). */
static inline float maths_smoothstep(float u) {
    u = u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u;
    return u * u * (3.0f - 2.0f * u);
}

/* v in whole steps of 1/steps, as a number (what is drawn) ... */
static inline float maths_quantise(float v, float steps) { return roundf(v * steps) / steps; }

/* ... and as a count of steps (what a redraw's key hashes). */
static inline long maths_quanta(float v, float steps) { return lroundf(v * steps); }

/* t wrapped into [0, period) (a loop's time, backwards too); 0 when there is no period. */
static inline double maths_wrap(double t, double period) {
    if (!(period > 0.0)) return 0.0;
    t = fmod(t, period);
    return t < 0.0 ? t + period : t;
}

/* FNV-1a over n bytes, continuing from h (start from MATHS_HASH_START): a cache's or a redraw's
 * key, not a checksum against malice. */
#define MATHS_HASH_START 1469598103934665603ull
static inline uint64_t maths_hash(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = (const unsigned char *)data;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

#endif
