#include "CICUShim.h"
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <string.h>
#include <stdlib.h>

const char *cicu_version(void) {
    static char buf[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, buf);
    return buf;
}

const char *cicu_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

struct cicu_brk { UBreakIterator *it; };

cicu_brk *cicu_brk_open(int32_t kind, const char *locale, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open((UBreakIteratorType)(kind == CICU_BRK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD),
                                   locale, NULL, 0, &st);
    *err = st;
    if (U_FAILURE(st) || it == NULL) return NULL;
    cicu_brk *b = (cicu_brk *)malloc(sizeof(cicu_brk));
    if (!b) { ubrk_close(it); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->it = it;
    return b;
}

void cicu_brk_set_text(cicu_brk *b, const uint16_t *text, int32_t length, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(b->it, (const UChar *)text, length, &st);
    *err = st;
}

int32_t cicu_brk_first(cicu_brk *b) { return ubrk_first(b->it); }
int32_t cicu_brk_next(cicu_brk *b) { int32_t n = ubrk_next(b->it); return n == UBRK_DONE ? -1 : n; }
int32_t cicu_brk_rule_status(cicu_brk *b) { return ubrk_getRuleStatus(b->it); }
int32_t cicu_brk_boundaries(cicu_brk *b, const uint16_t *text, int32_t length, int32_t *out, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(b->it, (const UChar *)text, length, &st);
    *err = st;
    if (U_FAILURE(st)) return 0;
    int32_t n = 0;
    for (int32_t p = ubrk_first(b->it); p != UBRK_DONE && n <= length; p = ubrk_next(b->it)) out[n++] = p;
    return n;
}

void cicu_brk_close(cicu_brk *b) { if (b) { ubrk_close(b->it); free(b); } }

int32_t cicu_decode(const char *charset, const char *src, int32_t src_length,
                    uint16_t *dst, int32_t dst_capacity, int32_t *bad_offset, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    *bad_offset = -1;
    UConverter *cnv = ucnv_open(charset, &st);
    if (U_FAILURE(st)) { *err = st; return 0; }
    // Stop at the first undecodable byte instead of substituting U+FFFD: input
    // that is not what we think it is must be reported, never silently changed.
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    const char *s = src, *limit = src + src_length;
    UChar *t = (UChar *)dst, *tlimit = (UChar *)dst + dst_capacity;
    int32_t written = 0;
    for (;;) {
        UErrorCode cst = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &t, tlimit, &s, limit, NULL, 1, &cst);
        written = (int32_t)(t - (UChar *)dst);
        if (cst == U_BUFFER_OVERFLOW_ERROR) {
            // Count what is still needed, in a scratch buffer.
            UChar scratch[1024];
            int32_t needed = written;
            for (;;) {
                UChar *u = scratch; UErrorCode c2 = U_ZERO_ERROR;
                ucnv_toUnicode(cnv, &u, scratch + 1024, &s, limit, NULL, 1, &c2);
                needed += (int32_t)(u - scratch);
                if (c2 == U_BUFFER_OVERFLOW_ERROR) continue;
                if (U_FAILURE(c2)) { char bad[32]; int8_t n = sizeof bad; UErrorCode c3 = U_ZERO_ERROR;
                    ucnv_getInvalidChars(cnv, bad, &n, &c3); *bad_offset = (int32_t)(s - src) - n; *err = c2;
                    ucnv_close(cnv); return needed; }
                break;
            }
            *err = U_BUFFER_OVERFLOW_ERROR;
            ucnv_close(cnv);
            return needed;
        }
        if (U_FAILURE(cst)) {
            char bad[32]; int8_t n = sizeof bad; UErrorCode c3 = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, bad, &n, &c3);
            *bad_offset = (int32_t)(s - src) - n;
            *err = cst;
            ucnv_close(cnv);
            return written;
        }
        break;
    }
    *err = U_ZERO_ERROR;
    ucnv_close(cnv);
    return written;
}

struct cicu_conv { UConverter *cnv; };

cicu_conv *cicu_conv_open(const char *charset, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &st);
    if (U_FAILURE(st) || !cnv) { *err = st; return NULL; }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    *err = st;
    cicu_conv *c = (cicu_conv *)malloc(sizeof(cicu_conv));
    if (!c) { ucnv_close(cnv); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    c->cnv = cnv;
    return c;
}

int32_t cicu_conv_decode(cicu_conv *c, const char *src, int32_t src_length, uint16_t *dst, int32_t dst_capacity,
                         int8_t flush, int32_t *bad_offset, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    const char *s = src, *limit = src + src_length;
    UChar *t = (UChar *)dst;
    *bad_offset = -1;
    ucnv_toUnicode(c->cnv, &t, (UChar *)dst + dst_capacity, &s, limit, NULL, flush, &st);
    if (U_FAILURE(st) && st != U_BUFFER_OVERFLOW_ERROR) {
        char bad[32]; int8_t n = sizeof bad; UErrorCode c3 = U_ZERO_ERROR;
        ucnv_getInvalidChars(c->cnv, bad, &n, &c3);
        *bad_offset = (int32_t)(s - src) - n;
    }
    *err = st;
    return (int32_t)(t - (UChar *)dst);
}

void cicu_conv_close(cicu_conv *c) { if (c) { ucnv_close(c->cnv); free(c); } }

struct cicu_trans { UTransliterator *t; };

cicu_trans *cicu_trans_open(const char *id, int32_t *err) {
    UChar uid[128];
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(uid, 128, &n, id, -1, &st);
    if (U_FAILURE(st)) { *err = st; return NULL; }
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &st);
    *err = st;
    if (U_FAILURE(st) || !t) return NULL;
    cicu_trans *r = (cicu_trans *)malloc(sizeof(cicu_trans));
    if (!r) { utrans_close(t); *err = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    r->t = t;
    return r;
}

int32_t cicu_trans_apply(cicu_trans *t, uint16_t *text, int32_t length, int32_t capacity, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = length, limit = length;
    utrans_transUChars(t->t, (UChar *)text, &len, capacity, 0, &limit, &st);
    *err = st;
    return len;
}

void cicu_trans_close(cicu_trans *t) { if (t) { utrans_close(t->t); free(t); } }
