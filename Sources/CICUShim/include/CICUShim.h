// A version-free C API over the system ICU. Plain C types only, so that Swift
// modules importing Foundation (which bundles its own ICU) never see ICU's headers.
#ifndef CICUSHIM_H
#define CICUSHIM_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's version string, e.g. "72.1".
const char *cicu_version(void);
/// ICU's name of an error code (for messages).
const char *cicu_error_name(int32_t code);

// ---- Break iteration (word / sentence) -------------------------------------
typedef struct cicu_brk cicu_brk;
enum { CICU_BRK_WORD = 1, CICU_BRK_SENTENCE = 3 };
/// Opens a break iterator; *err > 0 on failure (warnings are <= 0).
cicu_brk *cicu_brk_open(int32_t kind, const char *locale, int32_t *err);
/// The text must stay alive and unchanged while the iterator uses it.
void cicu_brk_set_text(cicu_brk *b, const uint16_t *text, int32_t length, int32_t *err);
int32_t cicu_brk_first(cicu_brk *b);
/// Next boundary, or -1 at the end.
int32_t cicu_brk_next(cicu_brk *b);
int32_t cicu_brk_rule_status(cicu_brk *b);
void cicu_brk_close(cicu_brk *b);
/// Sets the text and writes every boundary (0 first, `length` last) to `out`, which must
/// hold `length + 1` entries; returns how many. One call per text instead of one per
/// boundary. The iterator keeps a pointer to `text`: set a new text before using it again.
int32_t cicu_brk_boundaries(cicu_brk *b, const uint16_t *text, int32_t length, int32_t *out, int32_t *err);

// ---- Charset conversion ----------------------------------------------------
/// Decodes `src` in `charset` to UTF-16. Returns the number of UTF-16 units
/// written (or needed, when *err is U_BUFFER_OVERFLOW_ERROR = 15). On an
/// undecodable byte, *err > 0 and *bad_offset is its byte offset in src.
int32_t cicu_decode(const char *charset, const char *src, int32_t src_length,
                    uint16_t *dst, int32_t dst_capacity,
                    int32_t *bad_offset, int32_t *err);

/// A converter kept open across the pieces of one stream (a file read block by block):
/// a character cut between two blocks is completed with the next one.
typedef struct cicu_conv cicu_conv;
cicu_conv *cicu_conv_open(const char *charset, int32_t *err);
/// Decodes the next `src_length` bytes (`flush` = 1 for the last piece) into `dst`, which
/// must hold `src_length + 4` units. Returns the units written. On an undecodable byte,
/// *err > 0 and *bad_offset is its offset in `src` (negative: it began in an earlier piece).
int32_t cicu_conv_decode(cicu_conv *c, const char *src, int32_t src_length, uint16_t *dst, int32_t dst_capacity,
                         int8_t flush, int32_t *bad_offset, int32_t *err);
void cicu_conv_close(cicu_conv *c);

// ---- Transliteration -------------------------------------------------------
typedef struct cicu_trans cicu_trans;
/// Opens a transform by ICU id, e.g. "Traditional-Simplified".
cicu_trans *cicu_trans_open(const char *id, int32_t *err);
/// Transforms text in place; returns the new length (may need `capacity` room).
int32_t cicu_trans_apply(cicu_trans *t, uint16_t *text, int32_t length, int32_t capacity, int32_t *err);
void cicu_trans_close(cicu_trans *t);

#ifdef __cplusplus
}
#endif
#endif
