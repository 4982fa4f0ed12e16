/* The classifier's per-line hot loops in C: the same numbers as the Python in
 * lexicon.py, trees.py, measure.py, title.py and lines.py, computed in the same
 * order, so that the compiled and the pure-Python paths give identical bytes.
 *
 *   lexicon_scores(lines, weights, intercept, out)   -> lexicon.scores_python
 *   forest_pack(feature, threshold, left, right, roots) -> bytes, once per forest
 *   forest_raw(features, packed, value, base, out)   -> Forest.raw_python
 *   char_counts(lines, out)                          -> measure.char_counts_python
 *   shapes(lines)                                    -> measure.shapes_python
 *   word_buckets(lines, limit, chars, out) -> count  -> lexicon.word_buckets_python
 *   title_shares(tokens, topic, stopwords, min_chars, stem_chars, out) -> title.shares_python
 *   line_words(lines, long_chars) -> (lowers, tokens) -> lines.line_words_python
 *   line_values(lines, tokens, stopwords, small_words, limits, out) -> rows
 *                                                    -> lines.line_values_python
 *   best_run(scores) -> (start, end)                 -> context.best_run_python
 *
 * Arrays are passed as buffers (numpy arrays from the Python side); results are
 * written into `out`. Floating point follows the Python code operation by
 * operation; the build turns off contraction (-ffp-contract=off) so that no
 * multiply-add is fused.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---- CRC-32 (the zlib/PNG polynomial), as zlib.crc32 computes it -------- */

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

/* Continues a CRC over more bytes: crc_update(crc_update(0, a), b) == zlib.crc32(a + b). */
static uint32_t crc_update(uint32_t crc, const char *data, Py_ssize_t size) {
    uint32_t c = crc ^ 0xFFFFFFFFu;
    for (Py_ssize_t i = 0; i < size; i++) c = crc_table[(c ^ (unsigned char)data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* ---- growable buffers -------------------------------------------------- */

typedef struct {
    char *data;
    Py_ssize_t size, cap;
} Bytes;

static int bytes_add(Bytes *b, const char *data, Py_ssize_t size) {
    if (b->size + size > b->cap) {
        Py_ssize_t cap = b->cap ? b->cap : 256;
        while (cap < b->size + size) cap *= 2;
        char *grown = PyMem_Realloc(b->data, cap);
        if (!grown) { PyErr_NoMemory(); return -1; }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->size, data, size);
    b->size += size;
    return 0;
}

/* ---- hashed token counts in first-seen order (Python's Counter order) ---- */

#define LEXICON_BITS 18
#define LEXICON_MASK ((1u << LEXICON_BITS) - 1)
#define BUCKETS (1u << LEXICON_BITS) /* a line has at most this many distinct buckets */
#define WORD_COUNT_CAP 12

typedef struct {
    uint32_t *bucket;   /* distinct buckets, in the order first seen */
    long long *count;
    Py_ssize_t size, cap;
    Py_ssize_t *slots;  /* open addressing: index into bucket[] + 1, 0 = empty */
    Py_ssize_t slot_mask, slot_cap; /* the slots in use (a power of two, less one), and allocated */
} Counts;

/* Empties the table, sized for about `expected` tokens (never more than BUCKETS distinct). */
static int counts_reset(Counts *c, Py_ssize_t expected) {
    if (expected > (Py_ssize_t)BUCKETS) expected = BUCKETS;
    Py_ssize_t want = 16;
    while (want < 2 * expected) want *= 2;
    if (want > c->slot_cap) {
        PyMem_Free(c->slots);
        c->slots = PyMem_Malloc(want * sizeof(Py_ssize_t));
        if (!c->slots) { c->slot_cap = 0; PyErr_NoMemory(); return -1; }
        c->slot_cap = want;
    }
    c->slot_mask = want - 1; /* a short line after a long one clears only the slots it uses */
    memset(c->slots, 0, want * sizeof(Py_ssize_t));
    if (expected > c->cap) {
        PyMem_Free(c->bucket);
        PyMem_Free(c->count);
        c->bucket = PyMem_Malloc(expected * sizeof(uint32_t));
        c->count = PyMem_Malloc(expected * sizeof(long long));
        if (!c->bucket || !c->count) { PyErr_NoMemory(); return -1; }
        c->cap = expected;
    }
    c->size = 0;
    return 0;
}

/* Adds n to a bucket's count; a bucket not seen before goes last. The table grows as needed. */
static int counts_add(Counts *c, uint32_t bucket, long long n) {
    Py_ssize_t slot = (Py_ssize_t)((bucket * 2654435761u) & (uint32_t)c->slot_mask);
    while (c->slots[slot]) {
        Py_ssize_t at = c->slots[slot] - 1;
        if (c->bucket[at] == bucket) { c->count[at] += n; return 0; }
        slot = (slot + 1) & c->slot_mask;
    }
    if (c->size == c->cap || 2 * (c->size + 1) > c->slot_mask + 1) {
        Counts grown = {0};
        if (counts_reset(&grown, 2 * c->cap + 16) < 0) return -1;
        for (Py_ssize_t k = 0; k < c->size; k++) counts_add(&grown, c->bucket[k], c->count[k]);
        PyMem_Free(c->bucket); PyMem_Free(c->count); PyMem_Free(c->slots);
        *c = grown;
        return counts_add(c, bucket, n);
    }
    c->bucket[c->size] = bucket;
    c->count[c->size] = n;
    c->slots[slot] = ++c->size;
    return 0;
}

static void counts_free(Counts *c) {
    PyMem_Free(c->bucket);
    PyMem_Free(c->count);
    PyMem_Free(c->slots);
}

/* ---- lexicon ----------------------------------------------------------- */

/* re's [^\W\d_]: a word character that is no decimal digit and no underscore (in ASCII, A-Z and
 * a-z: looked up without the Unicode tables). */
static inline int is_letter(Py_UCS4 ch) {
    if (ch < 128) return (Py_UCS4)((ch | 0x20) - 'a') < 26;
    return Py_UNICODE_ISALNUM(ch) && !Py_UNICODE_ISDECIMAL(ch) && ch != '_';
}

/* Writes a word as lexicon.tokens spells it into `out` (emptied first): "0" for digits, else lower case. */
static int spell_word(Bytes *out, PyObject *text, int kind, const void *data, Py_ssize_t start, Py_ssize_t end) {
    int digits = 1, ascii = 1;
    out->size = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!Py_UNICODE_ISDIGIT(ch)) digits = 0;
        if (ch >= 128) ascii = 0;
    }
    if (digits) return bytes_add(out, "0", 1);
    if (ascii) {
        for (Py_ssize_t i = start; i < end; i++) {
            char ch = (char)PyUnicode_READ(kind, data, i);
            if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
            if (bytes_add(out, &ch, 1) < 0) return -1;
        }
        return 0;
    }
    PyObject *word = PyUnicode_Substring(text, start, end);
    if (!word) return -1;
    PyObject *lower = PyObject_CallMethod(word, "lower", NULL);
    Py_DECREF(word);
    if (!lower) return -1;
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(lower, &size);
    int result = utf8 ? bytes_add(out, utf8, size) : -1;
    Py_DECREF(lower);
    return result;
}

/* The UTF-8 bytes of one character of a line ("" when the line is empty). */
static const char *char_utf8(PyObject *text, Py_ssize_t index, Py_ssize_t *size) {
    if (PyUnicode_GET_LENGTH(text) == 0) { *size = 0; return ""; }
    static char out[4];
    Py_UCS4 ch = PyUnicode_READ_CHAR(text, index);
    if (ch < 0x80) { out[0] = (char)ch; *size = 1; }
    else if (ch < 0x800) { out[0] = (char)(0xC0 | (ch >> 6)); out[1] = (char)(0x80 | (ch & 0x3F)); *size = 2; }
    else if (ch < 0x10000) {  /* lone surrogates too, as encode("utf-8", "surrogatepass") writes them */
        out[0] = (char)(0xE0 | (ch >> 12)); out[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
        out[2] = (char)(0x80 | (ch & 0x3F)); *size = 3;
    } else {
        out[0] = (char)(0xF0 | (ch >> 18)); out[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((ch >> 6) & 0x3F)); out[3] = (char)(0x80 | (ch & 0x3F)); *size = 4;
    }
    return out;
}

static uint32_t prefixed(const char *prefix, const char *data, Py_ssize_t size) {
    return crc_update(crc_update(0, prefix, (Py_ssize_t)strlen(prefix)), data, size) & LEXICON_MASK;
}

/* Scratch space of lexicon_scores, kept across lines. */
typedef struct {
    Bytes word, first, last;
    Counts words, pairs, all;
} Scratch;

/* The hashed tokens of one line, counted in the order Counter(map(bucket, lexicon.tokens(text)))
 * holds them: the words, then the word pairs, then the first and last word, the end, the start
 * and the word count. One pass over the line: word and pair counts are kept apart and joined. */
static int line_counts(PyObject *text, Scratch *s) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, words = 0;
    uint32_t previous = 0;
    if (counts_reset(&s->words, n / 6 + 8) < 0 || counts_reset(&s->pairs, n / 6 + 8) < 0) return -1;
    while (i < n) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        Py_ssize_t start = i;
        if (is_letter(ch)) {
            while (i < n && is_letter(PyUnicode_READ(kind, data, i))) i++;
        } else if (Py_UNICODE_ISDECIMAL(ch)) {
            while (i < n && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i))) i++;
        } else {
            i++;
            continue;
        }
        if (spell_word(&s->word, text, kind, data, start, i) < 0) return -1;
        uint32_t crc = crc_update(0, s->word.data, s->word.size);
        if (counts_add(&s->words, crc & LEXICON_MASK, 1) < 0) return -1;
        if (words) {
            uint32_t pair = crc_update(crc_update(previous, " ", 1), s->word.data, s->word.size);
            if (counts_add(&s->pairs, pair & LEXICON_MASK, 1) < 0) return -1;
        } else if (bytes_add(&s->first, s->word.data, s->word.size) < 0) {
            return -1;
        }
        previous = crc;
        words++;
        Bytes swap = s->last;  /* the last word so far: keep this word's bytes */
        s->last = s->word;
        s->word = swap;
    }
    Counts *all = &s->all;
    if (counts_reset(all, s->words.size + s->pairs.size + 5) < 0) return -1;
    for (Py_ssize_t k = 0; k < s->words.size; k++)
        if (counts_add(all, s->words.bucket[k], s->words.count[k]) < 0) return -1;
    for (Py_ssize_t k = 0; k < s->pairs.size; k++)
        if (counts_add(all, s->pairs.bucket[k], s->pairs.count[k]) < 0) return -1;
    if (words) {
        if (counts_add(all, prefixed("F:", s->first.data, s->first.size), 1) < 0) return -1;
        if (counts_add(all, prefixed("L:", s->last.data, s->last.size), 1) < 0) return -1;
    }
    Py_ssize_t size;
    const char *last = char_utf8(text, n - 1, &size);
    if (counts_add(all, prefixed("E:", last, size), 1) < 0) return -1;
    if (n && Py_UNICODE_ISALNUM(PyUnicode_READ_CHAR(text, 0))) {
        if (counts_add(all, prefixed("S:", "alnum", 5), 1) < 0) return -1;
    } else {
        const char *first = char_utf8(text, 0, &size);
        if (counts_add(all, prefixed("S:", first, size), 1) < 0) return -1;
    }
    char number[32];
    snprintf(number, sizeof number, "N:%d", (int)(words < WORD_COUNT_CAP ? words : WORD_COUNT_CAP));
    return counts_add(all, crc_update(0, number, (Py_ssize_t)strlen(number)) & LEXICON_MASK, 1);
}

static int get_buffer(PyObject *object, Py_buffer *view, int writable, const char *format, Py_ssize_t itemsize,
                      const char *name) {
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(object, view, flags) < 0) return -1;
    if (view->itemsize != itemsize || !view->format || strpbrk(view->format, format) == NULL) {
        PyErr_Format(PyExc_TypeError, "%s: expected a contiguous array of '%s'", name, format);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static PyObject *lexicon_scores(PyObject *self, PyObject *args) {
    PyObject *lines, *weights_obj, *out_obj;
    double intercept;
    if (!PyArg_ParseTuple(args, "OOdO", &lines, &weights_obj, &intercept, &out_obj)) return NULL;
    PyObject *seq = PySequence_Fast(lines, "lines must be a sequence of str");
    if (!seq) return NULL;
    Py_buffer weights = {0}, out = {0};
    Scratch s = {0};
    PyObject *result = NULL;
    if (get_buffer(weights_obj, &weights, 0, "f", 4, "weights") < 0) goto done;
    if (get_buffer(out_obj, &out, 1, "d", 8, "out") < 0) { PyBuffer_Release(&weights); goto done; }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), size = weights.len / 4;
    if (out.len / 8 != n || size != (Py_ssize_t)BUCKETS) {
        PyErr_SetString(PyExc_ValueError, "out must hold one score per line, weights 2**18 values");
        goto release;
    }
    const float *w = weights.buf;
    double *o = out.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(text)) { PyErr_SetString(PyExc_TypeError, "lines must be str"); goto release; }
        s.first.size = s.last.size = 0;
        if (line_counts(text, &s) < 0) goto release;
        const Counts *counts = &s.all;
        long long squares = 0;
        for (Py_ssize_t k = 0; k < counts->size; k++) squares += counts->count[k] * counts->count[k];
        double norm = sqrt((double)squares), total = 0.0;
        for (Py_ssize_t k = 0; k < counts->size; k++)
            total += (double)w[counts->bucket[k]] * ((double)counts->count[k] / norm);
        o[i] = intercept + total;
    }
    result = Py_NewRef(Py_None);
release:
    PyBuffer_Release(&weights);
    PyBuffer_Release(&out);
done:
    PyMem_Free(s.word.data);
    PyMem_Free(s.first.data);
    PyMem_Free(s.last.data);
    counts_free(&s.words);
    counts_free(&s.pairs);
    counts_free(&s.all);
    Py_DECREF(seq);
    return result;
}

/* ---- forest -------------------------------------------------------------- */

/* A forest packed for walking: each node's split in one place, each tree's depth.
 * Leaves point to themselves, so walking a tree `depth` steps ends on its leaf. */
typedef struct {
    double threshold;
    int32_t feature;
    int32_t child[2]; /* left (feature <= threshold, as numpy compares), right (greater, or NaN) */
} Node;

typedef struct {
    int64_t trees, nodes, columns; /* columns: the features a row must have (max feature + 1) */
} PackHeader;

#define MAX_DEPTH 64
#define WALK_ROWS 16 /* rows walked side by side: independent chains of loads */

static Py_ssize_t pack_size(Py_ssize_t trees, Py_ssize_t nodes) {
    return sizeof(PackHeader) + 2 * trees * sizeof(int32_t) + (trees % 2) * sizeof(int32_t) + nodes * sizeof(Node);
}

static int tree_depth(const int32_t *left, const int32_t *right, int32_t root, int32_t *depth) {
    int32_t stack[2 * MAX_DEPTH + 2], level[2 * MAX_DEPTH + 2];
    int top = 0, deepest = 0;
    stack[top] = root; level[top++] = 0;
    while (top) {
        top--;
        int32_t node = stack[top], at = level[top];
        if (left[node] == node && right[node] == node) { if (at > deepest) deepest = at; continue; }
        if (at >= MAX_DEPTH) { PyErr_SetString(PyExc_ValueError, "forest tree deeper than 64 or cyclic"); return -1; }
        stack[top] = left[node]; level[top++] = at + 1;
        stack[top] = right[node]; level[top++] = at + 1;
    }
    *depth = deepest;
    return 0;
}

static PyObject *forest_pack(PyObject *self, PyObject *args) {
    PyObject *objects[5];
    if (!PyArg_ParseTuple(args, "OOOOO", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4])) return NULL;
    static const char *names[5] = {"feature", "threshold", "left", "right", "roots"};
    static const char *formats[5] = {"i", "d", "i", "i", "i"};
    static const Py_ssize_t sizes[5] = {4, 8, 4, 4, 4};
    Py_buffer views[5];
    int got = 0;
    PyObject *result = NULL;
    for (; got < 5; got++)
        if (get_buffer(objects[got], &views[got], 0, formats[got], sizes[got], names[got]) < 0) goto release;
    Py_ssize_t nodes = views[0].len / 4, trees = views[4].len / 4;
    if (views[1].len / 8 != nodes || views[2].len / 4 != nodes || views[3].len / 4 != nodes) {
        PyErr_SetString(PyExc_ValueError, "forest arrays disagree in length");
        goto release;
    }
    const int32_t *feature = views[0].buf, *left = views[2].buf, *right = views[3].buf, *roots = views[4].buf;
    const double *threshold = views[1].buf;
    int64_t columns = 0;
    for (Py_ssize_t k = 0; k < nodes; k++) {
        if (left[k] < 0 || left[k] >= nodes || right[k] < 0 || right[k] >= nodes || feature[k] < 0) {
            PyErr_SetString(PyExc_ValueError, "forest node out of range");
            goto release;
        }
        if (feature[k] + 1 > columns) columns = feature[k] + 1;
    }
    result = PyBytes_FromStringAndSize(NULL, pack_size(trees, nodes));
    if (!result) goto release;
    char *out = PyBytes_AS_STRING(result);
    PackHeader header = {trees, nodes, columns};
    memcpy(out, &header, sizeof header);
    int32_t *packed_roots = (int32_t *)(out + sizeof header), *depths = packed_roots + trees;
    Node *packed = (Node *)(out + pack_size(trees, 0));
    for (Py_ssize_t t = 0; t < trees; t++) {
        if (roots[t] < 0 || roots[t] >= nodes) { PyErr_SetString(PyExc_ValueError, "bad root"); Py_CLEAR(result); goto release; }
        packed_roots[t] = roots[t];
        if (tree_depth(left, right, roots[t], &depths[t]) < 0) { Py_CLEAR(result); goto release; }
    }
    for (Py_ssize_t k = 0; k < nodes; k++) packed[k] = (Node){threshold[k], feature[k], {left[k], right[k]}};
release:
    for (int k = 0; k < got; k++) PyBuffer_Release(&views[k]);
    return result;
}

static PyObject *forest_raw(PyObject *self, PyObject *args) {
    PyObject *features_obj, *value_obj, *out_obj;
    const char *pack;
    Py_ssize_t pack_len;
    double base;
    if (!PyArg_ParseTuple(args, "Oy#OdO", &features_obj, &pack, &pack_len, &value_obj, &base, &out_obj)) return NULL;
    PackHeader header;
    if (pack_len < (Py_ssize_t)sizeof header) { PyErr_SetString(PyExc_ValueError, "not a packed forest"); return NULL; }
    memcpy(&header, pack, sizeof header);
    if (pack_len != pack_size(header.trees, header.nodes)) {
        PyErr_SetString(PyExc_ValueError, "not a packed forest");
        return NULL;
    }
    Py_buffer features, value, out;
    if (get_buffer(features_obj, &features, 0, "d", 8, "features") < 0) return NULL;
    if (get_buffer(value_obj, &value, 0, "d", 8, "value") < 0) { PyBuffer_Release(&features); return NULL; }
    if (get_buffer(out_obj, &out, 1, "d", 8, "out") < 0) {
        PyBuffer_Release(&features);
        PyBuffer_Release(&value);
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t rows = features.ndim == 2 ? features.shape[0] : -1, cols = features.ndim == 2 ? features.shape[1] : 0;
    if (rows < 0 || cols < header.columns || out.len / 8 != rows || value.len / 8 != header.nodes) {
        PyErr_SetString(PyExc_ValueError, "features, forest and out disagree in shape");
        goto release;
    }
    const int32_t *roots = (const int32_t *)(pack + sizeof header), *depths = roots + header.trees;
    const Node *nodes = (const Node *)(pack + pack_size(header.trees, 0));
    const double *x = features.buf, *v = value.buf;
    double *o = out.buf;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t first = 0; first < rows; first += WALK_ROWS) {
        int m = rows - first < WALK_ROWS ? (int)(rows - first) : WALK_ROWS;
        const double *row[WALK_ROWS];
        double total[WALK_ROWS];
        for (int k = 0; k < m; k++) row[k] = x + (first + k) * cols;
        for (int64_t t = 0; t < header.trees; t++) {
            int32_t at[WALK_ROWS];
            for (int k = 0; k < m; k++) at[k] = roots[t];
            /* Branch-free steps (a split's direction is a coin toss for the branch predictor). */
            for (int32_t d = 0; d < depths[t]; d++)
                for (int k = 0; k < m; k++) {
                    const Node *node = &nodes[at[k]];
                    at[k] = node->child[!(row[k][node->feature] <= node->threshold)];
                }
            for (int k = 0; k < m; k++) total[k] = t ? total[k] + v[at[k]] : v[at[k]];
        }
        for (int k = 0; k < m; k++) o[first + k] = header.trees ? total[k] + base : base;
    }
    Py_END_ALLOW_THREADS
    result = Py_NewRef(Py_None);
release:
    PyBuffer_Release(&features);
    PyBuffer_Release(&value);
    PyBuffer_Release(&out);
    return result;
}

/* ---- the best run of lines (context.best_run_python) --------------------- */

/* Kadane's scan, adding in line order as the Python loop does. */
static PyObject *best_run(PyObject *self, PyObject *arg) {
    Py_buffer scores;
    if (get_buffer(arg, &scores, 0, "d", 8, "scores") < 0) return NULL;
    const double *x = scores.buf;
    Py_ssize_t n = scores.len / 8, start = 0, best_start = 0, best_end = 0;
    double best = 0.0, total = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (total <= 0) { total = 0.0; start = i; }
        total += x[i];
        if (total > best) { best = total; best_start = start; best_end = i + 1; }
    }
    PyBuffer_Release(&scores);
    return Py_BuildValue("nn", best_start, best_end);
}

/* ---- character classes per line (measure.char_counts_python) ------------- */

static PyObject *char_counts(PyObject *self, PyObject *args) {
    PyObject *lines, *out_obj;
    if (!PyArg_ParseTuple(args, "OO", &lines, &out_obj)) return NULL;
    PyObject *seq = PySequence_Fast(lines, "lines must be a sequence of str");
    if (!seq) return NULL;
    Py_buffer out;
    if (get_buffer(out_obj, &out, 1, "d", 8, "out") < 0) { Py_DECREF(seq); return NULL; }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *result = NULL;
    if (out.len / 8 != 4 * n) { PyErr_SetString(PyExc_ValueError, "out must be lines x 4"); goto release; }
    double *o = out.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(text)) { PyErr_SetString(PyExc_TypeError, "lines must be str"); goto release; }
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t size = PyUnicode_GET_LENGTH(text), digits = 0, upper = 0, punct = 0, runs = 0;
        int in_word = 0;
        for (Py_ssize_t k = 0; k < size; k++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, k);
            int word = Py_UNICODE_ISALNUM(ch) || ch == '_';
            if (Py_UNICODE_ISDECIMAL(ch)) digits++;
            else if (word && ch != '_' && Py_UNICODE_ISUPPER(ch)) upper++;
            if (!word && !Py_UNICODE_ISSPACE(ch)) punct++;
            if (word && !in_word) runs++;
            in_word = word;
        }
        o[4 * i] = (double)digits;
        o[4 * i + 1] = (double)upper;
        o[4 * i + 2] = (double)punct;
        o[4 * i + 3] = (double)runs;
    }
    result = Py_NewRef(Py_None);
release:
    PyBuffer_Release(&out);
    Py_DECREF(seq);
    return result;
}

/* ---- line shapes (measure.shape) ------------------------------------------ */

#define SHAPE_TOKENS 6

/* Where the line's first SHAPE_TOKENS tokens end: what a shape may copy lies before it. */
static Py_ssize_t shape_end(int kind, const void *data, Py_ssize_t n) {
    Py_ssize_t i = 0;
    for (int tokens = 0; i < n && tokens < SHAPE_TOKENS;) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (is_letter(ch)) {
            while (i < n && is_letter(PyUnicode_READ(kind, data, i))) i++;
        } else if (Py_UNICODE_ISDECIMAL(ch)) {
            while (i < n && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i))) i++;
        } else {
            tokens -= Py_UNICODE_ISSPACE(ch) != 0;
            i++;
        }
        tokens++;
    }
    return i;
}

/* The opening of a line as classes of tokens, and its last character: "a A ( 9 ) a :|:". */
static PyObject *line_shape(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, size = 0;
    int tokens = 0;
    Py_UCS4 *out = PyMem_Malloc((2 * shape_end(kind, data, n) + 2) * sizeof(Py_UCS4));
    if (!out) return PyErr_NoMemory();
    while (i < n && tokens < SHAPE_TOKENS) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        Py_ssize_t start = i;
        if (is_letter(ch)) {
            while (i < n && is_letter(PyUnicode_READ(kind, data, i))) i++;
        } else if (Py_UNICODE_ISDECIMAL(ch)) {
            while (i < n && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i))) i++;
        } else if (!Py_UNICODE_ISSPACE(ch)) {
            i++;
        } else {
            i++;
            continue;
        }
        int digits = 1;
        for (Py_ssize_t k = start; k < i; k++)
            if (!Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, k))) { digits = 0; break; }
        if (tokens++) out[size++] = ' ';
        if (digits) out[size++] = '9';
        else if (Py_UNICODE_ISALPHA(ch)) out[size++] = Py_UNICODE_ISUPPER(ch) ? 'A' : 'a';
        else for (Py_ssize_t k = start; k < i; k++) out[size++] = PyUnicode_READ(kind, data, k);
    }
    out[size++] = '|';
    if (n) out[size++] = PyUnicode_READ(kind, data, n - 1);
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, size);
    PyMem_Free(out);
    return result;
}

static PyObject *shapes(PyObject *self, PyObject *lines) {
    PyObject *seq = PySequence_Fast(lines, "lines must be a sequence of str");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *result = PyList_New(n);
    for (Py_ssize_t i = 0; result && i < n; i++) {
        PyObject *text = PySequence_Fast_GET_ITEM(seq, i), *shape;
        if (!PyUnicode_Check(text)) { PyErr_SetString(PyExc_TypeError, "lines must be str"); shape = NULL; }
        else shape = line_shape(text);
        if (!shape) { Py_CLEAR(result); break; }
        PyList_SET_ITEM(result, i, shape);
    }
    Py_DECREF(seq);
    return result;
}

/* ---- the page's first words, hashed (lexicon.word_buckets_python) ---------- */

/* Adds one character's UTF-8 bytes to a running CRC (words hold no surrogates: they are letters). */
static uint32_t crc_char(uint32_t crc, Py_UCS4 ch) {
    char out[4];
    Py_ssize_t size;
    if (ch < 0x80) { out[0] = (char)ch; size = 1; }
    else if (ch < 0x800) { out[0] = (char)(0xC0 | (ch >> 6)); out[1] = (char)(0x80 | (ch & 0x3F)); size = 2; }
    else if (ch < 0x10000) {
        out[0] = (char)(0xE0 | (ch >> 12)); out[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
        out[2] = (char)(0x80 | (ch & 0x3F)); size = 3;
    } else {
        out[0] = (char)(0xF0 | (ch >> 18)); out[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((ch >> 6) & 0x3F)); out[3] = (char)(0x80 | (ch & 0x3F)); size = 4;
    }
    return crc_update(crc, out, size);
}

/* The buckets of the first `limit` letter words of the lines, each line read from its first
 * `chars` characters in lower case: written to `out`, their number returned. */
static PyObject *word_buckets(PyObject *self, PyObject *args) {
    PyObject *lines, *out_obj;
    Py_ssize_t limit, chars;
    if (!PyArg_ParseTuple(args, "OnnO", &lines, &limit, &chars, &out_obj)) return NULL;
    PyObject *seq = PySequence_Fast(lines, "lines must be a sequence of str");
    if (!seq) return NULL;
    Py_buffer out;
    if (get_buffer(out_obj, &out, 1, "lq", 8, "out") < 0) { Py_DECREF(seq); return NULL; }
    PyObject *result = NULL;
    if (limit < 0 || chars < 0 || out.len / 8 < limit) {
        PyErr_SetString(PyExc_ValueError, "out must hold `limit` buckets");
        goto release;
    }
    int64_t *o = out.buf;
    Py_ssize_t count = 0, n = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t line = 0; line < n && count < limit; line++) {
        PyObject *text = PySequence_Fast_GET_ITEM(seq, line);
        if (!PyUnicode_Check(text)) { PyErr_SetString(PyExc_TypeError, "lines must be str"); goto release; }
        Py_ssize_t length = PyUnicode_GET_LENGTH(text), size = length < chars ? length : chars, i = 0;
        if (PyUnicode_IS_ASCII(text)) {  /* lower case by hand: A-Z are its only letters with a case */
            const unsigned char *data = PyUnicode_1BYTE_DATA(text);
            while (i < size && count < limit) {
                unsigned char ch = data[i] | 0x20;
                if (ch < 'a' || ch > 'z') { i++; continue; }
                uint32_t c = 0xFFFFFFFFu;
                for (; i < size; i++) {
                    ch = data[i] | 0x20;
                    if (ch < 'a' || ch > 'z') break;
                    c = crc_table[(c ^ ch) & 0xFF] ^ (c >> 8);
                }
                o[count++] = (int64_t)((c ^ 0xFFFFFFFFu) & LEXICON_MASK);
            }
            continue;
        }
        PyObject *head = PyUnicode_Substring(text, 0, size);
        PyObject *lower = head ? PyObject_CallMethod(head, "lower", NULL) : NULL;
        Py_XDECREF(head);
        if (!lower) goto release;
        int kind = PyUnicode_KIND(lower);
        const void *data = PyUnicode_DATA(lower);
        size = PyUnicode_GET_LENGTH(lower);
        while (i < size && count < limit) {
            if (!is_letter(PyUnicode_READ(kind, data, i))) { i++; continue; }
            uint32_t crc = 0;
            for (; i < size; i++) {
                Py_UCS4 ch = PyUnicode_READ(kind, data, i);
                if (!is_letter(ch)) break;
                crc = crc_char(crc, ch);
            }
            o[count++] = (int64_t)(crc & LEXICON_MASK);
        }
        Py_DECREF(lower);
    }
    result = PyLong_FromSsize_t(count);
release:
    PyBuffer_Release(&out);
    Py_DECREF(seq);
    return result;
}

/* title.shares: of each line's words (lists of str), the share of those not shorter than
 * min_chars and not stopwords whose first stem_chars characters the topic set holds
 * (0 for a line without such words). */
static PyObject *title_shares(PyObject *self, PyObject *args) {
    PyObject *tokens, *topic, *stopwords, *out_obj;
    Py_ssize_t min_chars, stem_chars;
    if (!PyArg_ParseTuple(args, "OOOnnO", &tokens, &topic, &stopwords, &min_chars, &stem_chars, &out_obj)) return NULL;
    if (!PyAnySet_Check(topic) || !PyAnySet_Check(stopwords)) {
        PyErr_SetString(PyExc_TypeError, "topic and stopwords must be sets");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(tokens, "tokens must be a sequence of lists of str");
    if (!seq) return NULL;
    Py_buffer out;
    if (get_buffer(out_obj, &out, 1, "d", 8, "out") < 0) { Py_DECREF(seq); return NULL; }
    PyObject *result = NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (out.len / 8 < n) { PyErr_SetString(PyExc_ValueError, "out must hold a value per line"); goto release; }
    double *o = out.buf;
    for (Py_ssize_t line = 0; line < n; line++) {
        PyObject *words = PySequence_Fast_GET_ITEM(seq, line);
        if (!PyList_Check(words)) { PyErr_SetString(PyExc_TypeError, "tokens must be lists of str"); goto release; }
        Py_ssize_t content = 0, held = 0;
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(words); k++) {
            PyObject *word = PyList_GET_ITEM(words, k);
            if (!PyUnicode_Check(word)) { PyErr_SetString(PyExc_TypeError, "tokens must be lists of str"); goto release; }
            Py_ssize_t length = PyUnicode_GET_LENGTH(word);
            if (length < min_chars) continue;
            int stop = PySet_Contains(stopwords, word);
            if (stop < 0) goto release;
            if (stop) continue;
            content++;
            PyObject *stem = length > stem_chars ? PyUnicode_Substring(word, 0, stem_chars) : Py_NewRef(word);
            if (!stem) goto release;
            int found = PySet_Contains(topic, stem);
            Py_DECREF(stem);
            if (found < 0) goto release;
            held += found;
        }
        o[line] = content ? (double)held / (double)content : 0.0;
    }
    result = Py_NewRef(Py_None);
release:
    PyBuffer_Release(&out);
    Py_DECREF(seq);
    return result;
}

/* ---- a line's words and numbers (lines.line_words_python, lines.line_values_python) ---- */

static PyObject *str_lower; /* "lower", interned */

/* re's \w: the letters, the digits and the underscore. */
static inline int is_word(Py_UCS4 ch) {
    if (ch < 128) return is_letter(ch) || (ch >= '0' && ch <= '9') || ch == '_';
    return Py_UNICODE_ISALNUM(ch);
}

/* opening(text).lower(): the line, or its first `long_chars` characters, in lower case. */
static PyObject *lower_opening(PyObject *text, Py_ssize_t long_chars) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *head = n > long_chars ? PyUnicode_Substring(text, 0, long_chars) : Py_NewRef(text);
    if (!head || !PyUnicode_IS_ASCII(head)) {
        PyObject *lower = head ? PyObject_CallMethodNoArgs(head, str_lower) : NULL;
        Py_XDECREF(head);
        return lower;
    }
    /* ASCII: A-Z are its only letters with a case, and a line without them is its own lower case. */
    const Py_UCS1 *data = PyUnicode_1BYTE_DATA(head);
    Py_ssize_t size = PyUnicode_GET_LENGTH(head), first = 0;
    while (first < size && !(data[first] >= 'A' && data[first] <= 'Z')) first++;
    if (first == size) return head;
    PyObject *lower = PyUnicode_New(size, 127);
    if (lower) {
        Py_UCS1 *out = PyUnicode_1BYTE_DATA(lower);
        for (Py_ssize_t k = 0; k < size; k++)
            out[k] = data[k] >= 'A' && data[k] <= 'Z' ? (Py_UCS1)(data[k] - 'A' + 'a') : data[k];
    }
    Py_DECREF(head);
    return lower;
}

/* The runs of ASCII letters in ASCII text, as a list sized by counting them first. */
static PyObject *ascii_letter_runs(PyObject *text) {
    const Py_UCS1 *data = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), runs = 0;
    for (Py_ssize_t i = 0, in_run = 0; i < n; i++) {
        int letter = (Py_UCS1)((data[i] | 0x20) - 'a') < 26;
        runs += letter && !in_run;
        in_run = letter;
    }
    PyObject *words = PyList_New(runs);
    for (Py_ssize_t i = 0, k = 0; words && k < runs; k++) {
        while ((Py_UCS1)((data[i] | 0x20) - 'a') >= 26) i++;
        Py_ssize_t start = i;
        while (i < n && (Py_UCS1)((data[i] | 0x20) - 'a') < 26) i++;
        PyObject *word = PyUnicode_New(i - start, 127);
        if (!word) { Py_CLEAR(words); break; }
        memcpy(PyUnicode_1BYTE_DATA(word), data + start, i - start);
        PyList_SET_ITEM(words, k, word);
    }
    return words;
}

/* letter_words(text): its runs of letters (WORD.findall), as a new list. */
static PyObject *letter_runs(PyObject *text) {
    if (PyUnicode_IS_ASCII(text)) return ascii_letter_runs(text);
    PyObject *words = PyList_New(0);
    if (!words) return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
    while (i < n) {
        if (!is_letter(PyUnicode_READ(kind, data, i))) { i++; continue; }
        Py_ssize_t start = i;
        while (i < n && is_letter(PyUnicode_READ(kind, data, i))) i++;
        PyObject *word = PyUnicode_Substring(text, start, i);
        if (!word || PyList_Append(words, word) < 0) { Py_XDECREF(word); Py_DECREF(words); return NULL; }
        Py_DECREF(word);
    }
    return words;
}

static PyObject *line_words(PyObject *self, PyObject *args) {
    PyObject *lines;
    Py_ssize_t long_chars;
    if (!PyArg_ParseTuple(args, "On", &lines, &long_chars)) return NULL;
    PyObject *seq = PySequence_Fast(lines, "lines must be a sequence of str");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *lowers = PyList_New(n), *tokens = PyList_New(n), *result = NULL;
    if (!lowers || !tokens) goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(text)) { PyErr_SetString(PyExc_TypeError, "lines must be str"); goto done; }
        PyObject *lower = lower_opening(text, long_chars);
        if (!lower) goto done;
        PyList_SET_ITEM(lowers, i, lower);
        PyObject *words = letter_runs(lower);
        if (!words) goto done;
        PyList_SET_ITEM(tokens, i, words);
    }
    result = PyTuple_Pack(2, lowers, tokens);
done:
    Py_XDECREF(lowers);
    Py_XDECREF(tokens);
    Py_DECREF(seq);
    return result;
}

/* The thresholds lines.values reads (thresholds.py), in lines.LIMITS order. */
typedef struct {
    Py_ssize_t long_chars, cjk_chars_per_word, vocabulary_max_words, titled_min_words, titled_scan_chars;
    double titled_min_share;
    Py_ssize_t unended_prose_min_words;
    double unknown_stop;
} Limits;

/* lines.CJK: kana and ideographs, counted by characters. */
static inline int is_cjk(Py_UCS4 ch) {
    return (ch >= 0x3040 && ch <= 0x30FF) || (ch >= 0x3400 && ch <= 0x4DBF) || (ch >= 0x4E00 && ch <= 0x9FFF) ||
           (ch >= 0xF900 && ch <= 0xFAFF);
}

/* lines.ENDERS: . ! ? … 。 ！ ？ */
static inline int is_ender(Py_UCS4 ch) {
    return ch == '.' || ch == '!' || ch == '?' || ch == 0x2026 || ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F;
}

/* lines.CLOSERS: " ' ” ’ » ) ] ） 」 』 */
static inline int is_closer(Py_UCS4 ch) {
    return ch == '"' || ch == '\'' || ch == 0x201D || ch == 0x2019 || ch == 0xBB || ch == ')' || ch == ']' ||
           ch == 0xFF09 || ch == 0x300D || ch == 0x300F;
}

/* The letter runs of text[start:end]. */
static Py_ssize_t count_runs(int kind, const void *data, Py_ssize_t start, Py_ssize_t end) {
    Py_ssize_t runs = 0;
    int in_run = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        int letter = is_letter(PyUnicode_READ(kind, data, i));
        runs += letter && !in_run;
        in_run = letter;
    }
    return runs;
}

/* text.rstrip(CLOSERS)[-1:] in ENDERS */
static int ends_sentence(int kind, const void *data, Py_ssize_t n) {
    while (n > 0 && is_closer(PyUnicode_READ(kind, data, n - 1))) n--;
    return n > 0 && is_ender(PyUnicode_READ(kind, data, n - 1));
}

/* lines.INNER_STOP.search(text) is not None: after . ! ? …, closing quotes or brackets, spaces, an
 * opening quote or bracket and a letter followed by a word character; or 。！？ and any character
 * but a newline. Each part of the pattern matches a set of its own, so no backtracking finds more. */
static int inner_stop(int kind, const void *data, Py_ssize_t n) {
    for (Py_ssize_t p = 0; p < n; p++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, p);
        if (ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F) {
            if (p + 1 < n && PyUnicode_READ(kind, data, p + 1) != '\n') return 1;
            continue;
        }
        if (!(ch == '.' || ch == '!' || ch == '?' || ch == 0x2026)) continue;
        Py_ssize_t q = p + 1;
        while (q < n) {  /* [\"'”’»)\]]* */
            Py_UCS4 c = PyUnicode_READ(kind, data, q);
            if (!(c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == ')' || c == ']')) break;
            q++;
        }
        if (q >= n || !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, q))) continue;
        while (q < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, q))) q++;
        if (q < n) {  /* [\"'“‘«(\[]? */
            Py_UCS4 c = PyUnicode_READ(kind, data, q);
            if (c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0xAB || c == '(' || c == '[') q++;
        }
        if (q + 1 < n && is_letter(PyUnicode_READ(kind, data, q)) && is_word(PyUnicode_READ(kind, data, q + 1)))
            return 1;
    }
    return 0;
}

/* lines.title_cased: of the letter words of the first titled_scan_chars characters, at least
 * titled_min_words, a titled_min_share of them capitalised, and a capitalised one after the first
 * a small word (in lower case). 1, 0, or -1 on an error. */
static int title_cased(PyObject *text, int kind, const void *data, Py_ssize_t n, PyObject *small_words,
                       const Limits *limits) {
    Py_ssize_t end = n < limits->titled_scan_chars ? n : limits->titled_scan_chars, words = 0, capitals = 0;
    for (Py_ssize_t i = 0; i < end;) {
        if (!is_letter(PyUnicode_READ(kind, data, i))) { i++; continue; }
        words++;
        capitals += Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, i)) != 0;
        while (i < end && is_letter(PyUnicode_READ(kind, data, i))) i++;
    }
    if (words < limits->titled_min_words || (double)capitals < limits->titled_min_share * (double)words) return 0;
    int seen_capital = 0;
    for (Py_ssize_t i = 0; i < end;) {
        if (!is_letter(PyUnicode_READ(kind, data, i))) { i++; continue; }
        Py_ssize_t start = i;
        while (i < end && is_letter(PyUnicode_READ(kind, data, i))) i++;
        if (!Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, start))) continue;
        if (!seen_capital++) continue;
        PyObject *word = PyUnicode_Substring(text, start, i);
        PyObject *lower = word ? PyObject_CallMethodNoArgs(word, str_lower) : NULL;
        Py_XDECREF(word);
        if (!lower) return -1;
        int small = PySet_Contains(small_words, lower);
        Py_DECREF(lower);
        if (small) return small;
    }
    return 0;
}

/* lines.values of one line: (words, stop, terminal, colon, titled, sentences, norm), its numbers
 * also written to row[0..5]. */
static PyObject *line_row(PyObject *text, PyObject *words, PyObject *stopwords, PyObject *small_words,
                          const Limits *limits, double *row) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), tokens = PyList_GET_SIZE(words);
    int long_line = n > limits->long_chars;
    Py_ssize_t count = long_line ? count_runs(kind, data, 0, n) : tokens;
    if (!PyUnicode_IS_ASCII(text)) {
        Py_ssize_t cjk = 0;
        for (Py_ssize_t i = 0; i < n; i++) cjk += is_cjk(PyUnicode_READ(kind, data, i));
        if (cjk) {
            Py_ssize_t per_word = cjk / limits->cjk_chars_per_word;
            count = count - (count < cjk ? count : cjk) + (per_word > 1 ? per_word : 1);
        }
    }
    double stop = limits->unknown_stop;
    if (PySet_GET_SIZE(stopwords) && tokens) {
        Py_ssize_t hits = 0;
        for (Py_ssize_t k = 0; k < tokens; k++) {
            PyObject *word = PyList_GET_ITEM(words, k);
            if (!PyUnicode_Check(word)) {
                PyErr_SetString(PyExc_TypeError, "tokens must be lists of str");
                return NULL;
            }
            int found = PySet_Contains(stopwords, word);
            if (found < 0) return NULL;
            hits += found;
        }
        stop = (double)hits / (double)tokens;
    }
    int terminal = ends_sentence(kind, data, n);
    int colon = n > 0 && PyUnicode_READ(kind, data, n - 1) == ':';
    int titled = 0;
    if (count >= limits->titled_min_words) {
        titled = title_cased(text, kind, data, n, small_words, limits);
        if (titled < 0) return NULL;
    }
    int sentences = count >= limits->unended_prose_min_words && inner_stop(kind, data, n);
    PyObject *norm = count <= limits->vocabulary_max_words ? PyUnicode_Join(NULL, words) : PyUnicode_New(0, 0);
    if (!norm) return NULL;
    double numbers[6] = {(double)count, stop, terminal, colon, titled, sentences};
    memcpy(row, numbers, sizeof numbers);
    PyObject *result = PyTuple_New(7), *words_obj = PyLong_FromSsize_t(count), *stop_obj = PyFloat_FromDouble(stop);
    if (!result || !words_obj || !stop_obj) {
        Py_XDECREF(result); Py_XDECREF(words_obj); Py_XDECREF(stop_obj); Py_DECREF(norm);
        return NULL;
    }
    PyObject *items[7] = {words_obj, stop_obj, PyBool_FromLong(terminal), PyBool_FromLong(colon),
                          PyBool_FromLong(titled), PyBool_FromLong(sentences), norm};
    for (int k = 0; k < 7; k++) PyTuple_SET_ITEM(result, k, items[k]);
    return result;
}

static PyObject *line_values(PyObject *self, PyObject *args) {
    PyObject *lines, *tokens, *stopwords, *small_words, *limits_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OOOOOO", &lines, &tokens, &stopwords, &small_words, &limits_obj, &out_obj))
        return NULL;
    Limits limits;
    if (!PyArg_ParseTuple(limits_obj, "nnnnndnd;limits: lines.LIMITS", &limits.long_chars,
                          &limits.cjk_chars_per_word, &limits.vocabulary_max_words, &limits.titled_min_words,
                          &limits.titled_scan_chars, &limits.titled_min_share, &limits.unended_prose_min_words,
                          &limits.unknown_stop))
        return NULL;
    if (limits.cjk_chars_per_word <= 0) {
        PyErr_SetString(PyExc_ValueError, "cjk_chars_per_word must be positive");
        return NULL;
    }
    if (!PyAnySet_Check(stopwords) || !PyAnySet_Check(small_words)) {
        PyErr_SetString(PyExc_TypeError, "stopwords and small_words must be sets");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(lines, "lines must be a sequence of str");
    if (!seq) return NULL;
    PyObject *words_seq = PySequence_Fast(tokens, "tokens must be a sequence of lists of str");
    if (!words_seq) { Py_DECREF(seq); return NULL; }
    Py_buffer out;
    if (get_buffer(out_obj, &out, 1, "d", 8, "out") < 0) { Py_DECREF(seq); Py_DECREF(words_seq); return NULL; }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *rows = NULL;
    if (PySequence_Fast_GET_SIZE(words_seq) != n || out.len / 8 != 6 * n) {
        PyErr_SetString(PyExc_ValueError, "tokens must hold a list per line, out lines x 6 values");
        goto release;
    }
    rows = PyList_New(n);
    double *o = out.buf;
    for (Py_ssize_t i = 0; rows && i < n; i++) {
        PyObject *text = PySequence_Fast_GET_ITEM(seq, i), *words = PySequence_Fast_GET_ITEM(words_seq, i), *row;
        if (!PyUnicode_Check(text) || !PyList_Check(words)) {
            PyErr_SetString(PyExc_TypeError, "lines must be str, tokens lists of str");
            row = NULL;
        } else {
            row = line_row(text, words, stopwords, small_words, &limits, o + 6 * i);
        }
        if (!row) { Py_CLEAR(rows); break; }
        PyList_SET_ITEM(rows, i, row);
    }
release:
    PyBuffer_Release(&out);
    Py_DECREF(seq);
    Py_DECREF(words_seq);
    return rows;
}

static PyMethodDef methods[] = {
    {"lexicon_scores", lexicon_scores, METH_VARARGS, "lexicon_scores(lines, weights, intercept, out)"},
    {"forest_pack", forest_pack, METH_VARARGS, "forest_pack(feature, threshold, left, right, roots) -> bytes"},
    {"forest_raw", forest_raw, METH_VARARGS, "forest_raw(features, packed, value, base, out)"},
    {"shapes", shapes, METH_O, "shapes(lines) -> list[str]: measure.shape of each line"},
    {"char_counts", char_counts, METH_VARARGS, "char_counts(lines, out): digits, capitals, punctuation marks and words of each line"},
    {"word_buckets", word_buckets, METH_VARARGS, "word_buckets(lines, limit, chars, out) -> int: the first letter words' buckets"},
    {"title_shares", title_shares, METH_VARARGS, "title_shares(tokens, topic, stopwords, min_chars, stem_chars, out): title.shares"},
    {"line_words", line_words, METH_VARARGS, "line_words(lines, long_chars) -> (lowers, tokens): lines.line_words"},
    {"line_values", line_values, METH_VARARGS, "line_values(lines, tokens, stopwords, small_words, limits, out) -> rows: lines.line_values"},
    {"best_run", best_run, METH_O, "best_run(scores) -> (start, end): context.best_run"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_core", "boilercut's compiled per-line loops.", -1, methods};

PyMODINIT_FUNC PyInit__core(void) {
    crc_init();
    str_lower = PyUnicode_InternFromString("lower");
    if (!str_lower) return NULL;
    return PyModule_Create(&module);
}
