/* The harness's own small runtime: output, checks, text helpers (no C runtime is linked). */
#include <stdarg.h>

#include "harness.h"

/* ---- output ----------------------------------------------------------------------- */

static char out_buffer[4096];
static int out_used;

static void flush_out(void) {
    DWORD written;
    if (out_used > 0) {
        WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), out_buffer, (DWORD)out_used, &written, NULL);
        out_used = 0;
    }
}

/* While set, output goes into this string instead of stdout (see str()). */
static char *sink;
static int sink_capacity, sink_used;

static void put_byte(char c) {
    if (sink != NULL) {
        if (sink_used < sink_capacity - 1) {
            sink[sink_used++] = c;
        }
        return;
    }
    if (out_used == (int)sizeof out_buffer) {
        flush_out();
    }
    out_buffer[out_used++] = c;
}

static void put_ascii(const char *text) {
    while (*text) {
        put_byte(*text++);
    }
}

/* 64-bit division by 10 without the compiler's __udivdi3 (absent without a C runtime on x86). */
static ULONGLONG divide_by_10(ULONGLONG value, unsigned *remainder) {
    ULONGLONG quotient = 0, rest = 0;
    for (int bit = 63; bit >= 0; bit--) {
        rest = (rest << 1) | ((value >> bit) & 1);
        if (rest >= 10) {
            rest -= 10;
            quotient |= (ULONGLONG)1 << bit;
        }
    }
    *remainder = (unsigned)rest;
    return quotient;
}

static void put_unsigned(ULONGLONG value) {
    char digits[24];
    int n = 0;
    do {
        unsigned digit;
        value = divide_by_10(value, &digit);
        digits[n++] = (char)('0' + digit);
    } while (value != 0);
    while (n > 0) {
        put_byte(digits[--n]);
    }
}

static void put_hex(ULONGLONG value, int minDigits) {
    char digits[17];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[value & 15];
        value >>= 4;
    } while (value != 0 || n < minDigits);
    while (n > 0) {
        put_byte(digits[--n]);
    }
}

static void put_escape(unsigned unit) {
    put_ascii("\\u");
    put_hex(unit, 4);
}

static void put_codepoint(unsigned cp) {
    if (cp < 0x80) {
        put_byte((char)cp);
    } else if (cp < 0x800) {
        put_byte((char)(0xC0 | (cp >> 6)));
        put_byte((char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        put_byte((char)(0xE0 | (cp >> 12)));
        put_byte((char)(0x80 | ((cp >> 6) & 0x3F)));
        put_byte((char)(0x80 | (cp & 0x3F)));
    } else {
        put_byte((char)(0xF0 | (cp >> 18)));
        put_byte((char)(0x80 | ((cp >> 12) & 0x3F)));
        put_byte((char)(0x80 | ((cp >> 6) & 0x3F)));
        put_byte((char)(0x80 | (cp & 0x3F)));
    }
}

static void put_wide(const WCHAR *text, int length) {
    if (text == NULL) {
        put_ascii("(null)");
        return;
    }
    for (int i = 0; i < length; i++) {
        unsigned unit = text[i];
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 &&
            text[i + 1] <= 0xDFFF) {
            put_codepoint(0x10000 + ((unit - 0xD800) << 10) + (text[i + 1] - 0xDC00u));
            i++;
        } else if ((unit >= 0xD800 && unit <= 0xDFFF) || unit < 0x20 || unit == 0x7F) {
            put_escape(unit);
        } else {
            put_codepoint(unit);
        }
    }
}

static void vout(const char *format, va_list args) {
    for (const char *p = format; *p; p++) {
        if (*p != '%') {
            put_byte(*p);
            continue;
        }
        switch (*++p) {
        case 's': {
            const char *s = va_arg(args, const char *);
            put_ascii(s ? s : "(null)");
            break;
        }
        case 'S': {
            const WCHAR *w = va_arg(args, const WCHAR *);
            put_wide(w, w ? wide_length(w) : 0);
            break;
        }
        case 'W': {
            int length = va_arg(args, int);
            const WCHAR *w = va_arg(args, const WCHAR *);
            put_wide(w, length);
            break;
        }
        case 'u':
            put_unsigned(va_arg(args, DWORD));
            break;
        case 'd': {
            LONG v = va_arg(args, LONG);
            if (v < 0) {
                put_byte('-');
                put_unsigned((ULONGLONG)(-(LONGLONG)v));
            } else {
                put_unsigned((ULONGLONG)v);
            }
            break;
        }
        case 'x':
            put_hex(va_arg(args, DWORD), 1);
            break;
        case 'U':
            put_unsigned(va_arg(args, ULONGLONG));
            break;
        case 'D': {
            LONGLONG v = va_arg(args, LONGLONG);
            if (v < 0) {
                put_byte('-');
                put_unsigned((ULONGLONG)0 - (ULONGLONG)v);
            } else {
                put_unsigned((ULONGLONG)v);
            }
            break;
        }
        case 'p':
            put_ascii("0x");
            put_hex((ULONGLONG)(ULONG_PTR)va_arg(args, void *), 1);
            break;
        case 'c':
            put_byte((char)va_arg(args, int));
            break;
        case '%':
            put_byte('%');
            break;
        default:
            put_byte('%');
            put_byte(*p);
            break;
        }
    }
}

void out(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vout(format, args);
    va_end(args);
    flush_out();
}

const char *str(const char *format, ...) {
    static char buffers[16][320];
    static int next;
    char *buffer = buffers[next];
    next = (next + 1) % 16;
    sink = buffer;
    sink_capacity = (int)sizeof buffers[0];
    sink_used = 0;
    va_list args;
    va_start(args, format);
    vout(format, args);
    va_end(args);
    buffer[sink_used] = 0;
    sink = NULL;
    return buffer;
}

/* ---- checks ----------------------------------------------------------------------- */

static const char *entry_name = "(harness)";
static int passes, failures;

void check_entry(const char *entry) {
    entry_name = entry;
}

const char *current_entry(void) {
    return entry_name;
}

int passed_count(void) {
    return passes;
}

int failed_count(void) {
    return failures;
}

static void fail_head(const char *what) {
    failures++;
    out("FAIL %s: %s\n", entry_name, what);
}

void fail(const char *what, const char *detail) {
    fail_head(what);
    out("     %s\n", detail);
}

int check_true(const char *what, int condition) {
    if (condition) {
        passes++;
    } else {
        fail_head(what);
        out("     expected: true\n     actual:   false\n");
    }
    return condition;
}

int check_u32(const char *what, DWORD expected, DWORD actual) {
    if (expected == actual) {
        passes++;
        return 1;
    }
    fail_head(what);
    out("     expected: %u (0x%x)\n     actual:   %u (0x%x)\n", expected, expected, actual, actual);
    return 0;
}

int check_u64(const char *what, ULONGLONG expected, ULONGLONG actual) {
    if (expected == actual) {
        passes++;
        return 1;
    }
    fail_head(what);
    out("     expected: %U\n     actual:   %U\n", expected, actual);
    return 0;
}

int check_text(const char *what, const WCHAR *expected, int expectedLength, const WCHAR *actual,
               int actualLength) {
    int same = (expected == NULL) == (actual == NULL) && expectedLength == actualLength;
    for (int i = 0; same && expected != NULL && i < expectedLength; i++) {
        same = expected[i] == actual[i];
    }
    if (same) {
        passes++;
        return 1;
    }
    fail_head(what);
    if (expected == NULL) {
        out("     expected: null\n");
    } else {
        out("     expected: \"%W\" (%d UTF-16 units)\n", expectedLength, expected, expectedLength);
    }
    if (actual == NULL) {
        out("     actual:   null\n");
    } else {
        out("     actual:   \"%W\" (%d UTF-16 units)\n", actualLength, actual, actualLength);
    }
    return 0;
}

/* ---- text and memory ---------------------------------------------------------------- */

int ascii_length(const char *text) {
    int n = 0;
    while (text[n]) {
        n++;
    }
    return n;
}

int wide_length(const WCHAR *text) {
    int n = 0;
    while (text[n]) {
        n++;
    }
    return n;
}

int ascii_equals(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

int wide_equals_ascii(const WCHAR *wide, int length, const char *ascii) {
    int i = 0;
    for (; i < length; i++) {
        if (ascii[i] == 0 || wide[i] != (unsigned char)ascii[i]) {
            return 0;
        }
    }
    return ascii[i] == 0;
}

void *h_alloc(SIZE_T bytes) {
    void *memory = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, bytes ? bytes : 1);
    if (memory == NULL) {
        out("FATAL: out of memory (%u bytes)\n", (DWORD)bytes);
        ExitProcess(3);
    }
    return memory;
}

int system_message(DWORD code, WCHAR *buffer, int capacity) {
    DWORD length = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                                  code, 0, buffer, (DWORD)capacity, NULL);
    if (length == 0 || (int)length > capacity) {
        return 0;
    }
    while (length > 0 && (buffer[length - 1] == '\r' || buffer[length - 1] == '\n' ||
                          buffer[length - 1] == ' ')) {
        length--;
    }
    return (int)length;
}

/* The compiler may emit calls to these for struct copies and zeroing. */
void *memset(void *to, int value, size_t bytes) {
    volatile unsigned char *o = (volatile unsigned char *)to;
    for (size_t i = 0; i < bytes; i++) {
        o[i] = (unsigned char)value;
    }
    return to;
}

void *memcpy(void *to, const void *from, size_t bytes) {
    volatile unsigned char *o = (volatile unsigned char *)to;
    const unsigned char *in = (const unsigned char *)from;
    for (size_t i = 0; i < bytes; i++) {
        o[i] = in[i];
    }
    return to;
}

void *memmove(void *to, const void *from, size_t bytes) {
    volatile unsigned char *o = (volatile unsigned char *)to;
    const unsigned char *in = (const unsigned char *)from;
    if (o < in) {
        for (size_t i = 0; i < bytes; i++) {
            o[i] = in[i];
        }
    } else {
        for (size_t i = bytes; i > 0; i--) {
            o[i - 1] = in[i - 1];
        }
    }
    return to;
}
