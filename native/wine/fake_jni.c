/*
 * A JavaVM/JNIEnv of the harness's own, just enough to drive the shim, and strict where the JVM
 * is strict under -Xcheck:jni:
 *   - every slot of both function tables that is not implemented here points to a trap that
 *     fails the run naming the slot index and name (the layout is jni.h's own struct, so the
 *     indices are the JDK's);
 *   - references are handles: a local reference dies with DeleteLocalRef and when the native
 *     returns (using it later fails), local capacity 32 as the JVM checks it, globals counted;
 *   - JNI calls with an exception pending (other than the ones the spec allows) and any JNI call
 *     inside a critical region fail; critical regions and Get/Release pairs must be closed
 *     before the native returns;
 *   - arrays and strings handed out by Get…Elements/Get…Critical/GetStringChars are copies
 *     with guard bytes behind them: writing past the end fails, JNI_ABORT discards.
 * Objects are never freed: the process lives for a second.
 */
#include <stdarg.h>
#include <stddef.h>

#include "harness.h"
#include "jni_slot_names.h" /* generated from jni.h by CMakeLists.txt */

#define ENV_SLOTS (sizeof(struct JNINativeInterface_) / sizeof(void *))
#define VM_SLOTS (sizeof(struct JNIInvokeInterface_) / sizeof(void *))
_Static_assert(ENV_SLOTS == sizeof jni_env_slot_names / sizeof jni_env_slot_names[0],
               "jni_slot_names.h does not match struct JNINativeInterface_");
_Static_assert(VM_SLOTS == sizeof jni_vm_slot_names / sizeof jni_vm_slot_names[0],
               "jni_slot_names.h does not match struct JNIInvokeInterface_");

#define REF_MAGIC 0x31464552u /* "REF1" */
#define OBJ_MAGIC 0x314A424Fu /* "OBJ1" */
#define METHOD_MAGIC 0x3148544Du
#define LOCAL_CAPACITY 32
#define GUARD_BYTES 16
#define GUARD_FILL 0xA5
#define MAX_CTOR_ARGS 8

enum kind { K_CLASS = 1, K_STRING, K_ARRAY, K_OBJECT };

typedef struct jobj jobj;
typedef struct method {
    DWORD magic;
    jobj *cls;
    const char *name;
    const char *signature;
    int isStatic;
} method;

struct jobj {
    DWORD magic;
    int kind;
    jobj *cls;        /* the class of a string/array/object */
    const char *name; /* K_CLASS: "java/lang/String", "[I", "[Ljava/lang/String;" */
    jobj *nextClass;
    /* K_STRING */
    WCHAR *units;
    int length;
    /* K_ARRAY: elementType 'Z','B','C','S','I','J','F','D' or 'L' (then data is jobj *[]) */
    char elementType;
    int elementSize;
    void *data;
    /* K_OBJECT */
    method *ctor;
    int argCount;
    LONGLONG intArgs[MAX_CTOR_ARGS];
    jobj *objectArgs[MAX_CTOR_ARGS];
    jobj *message; /* ThrowNew */
};

typedef struct ref {
    DWORD magic;
    int global;
    int live;
    int frame;
    jobj *obj;
} ref;

/* Copies handed out by Get…Elements/Critical/GetStringChars, until released. */
typedef struct lease {
    struct lease *next;
    jobj *obj;
    unsigned char *copy;
    int bytes;
    int terminator;
    int critical;
    const char *getter;
} lease;

static struct JNINativeInterface_ env_table;
static const struct JNINativeInterface_ *env_pointer = &env_table;
static struct JNIInvokeInterface_ vm_table;
static const struct JNIInvokeInterface_ *vm_pointer = &vm_table;

static jobj *classes;
static int frame;           /* 0: the harness; n: the n-th native call */
static ref **frame_refs;    /* locals made in the current native frame */
static int frame_ref_count, frame_ref_capacity;
static int live_locals, max_live_locals, local_capacity;
static int capacity_reported;
static int globals;
static jobj *pending;
static jobj *thrown_after_leave;
static lease *leases;
static int critical_depth;
static DWORD slot_uses[ENV_SLOTS];

JavaVM *jni_vm(void) {
    return (JavaVM *)&vm_pointer;
}

JNIEnv *jni_env(void) {
    return (JNIEnv *)&env_pointer;
}

/* ---- rule violations ----------------------------------------------------------------- */

static void violation(const char *function, const char *what) {
    out("FAIL %s: JNI rule broken in %s\n     %s\n", current_entry(), function, what);
    fail("JNI rule", "(see the line above)");
}

/* ---- traps: every slot the harness does not implement -------------------------------- */

static void trap(const char *table, unsigned slot, const char *name) {
    out("FAIL %s: the DLL called %s slot %u (%s), which the harness does not implement;\n"
        "     add it to native/wine/fake_jni.c if the shim really needs it\n",
        current_entry(), table, slot, name);
    out("wine-%s: %d passed, %d failed\n", sizeof(void *) == 8 ? "x64" : "x86", passed_count(),
        failed_count() + 1);
    ExitProcess(2);
}

static const char *slot_name(const char *const *names, unsigned count, unsigned slot) {
    return slot < count ? names[slot] : "?";
}

#define ENV_TRAP(n)                                                                       \
    static void JNICALL env_trap_##n(void) {                                              \
        trap("JNIEnv function table", n, slot_name(jni_env_slot_names, ENV_SLOTS, n));    \
    }
#define VM_TRAP(n)                                                                        \
    static void JNICALL vm_trap_##n(void) {                                               \
        trap("JavaVM function table", n, slot_name(jni_vm_slot_names, VM_SLOTS, n));      \
    }
#define TRAPS10(T, d) \
    T(d##0) T(d##1) T(d##2) T(d##3) T(d##4) T(d##5) T(d##6) T(d##7) T(d##8) T(d##9)
#define REFS10(P, d) &P##d##0, &P##d##1, &P##d##2, &P##d##3, &P##d##4, &P##d##5, &P##d##6, \
                     &P##d##7, &P##d##8, &P##d##9,

TRAPS10(ENV_TRAP, ) TRAPS10(ENV_TRAP, 1) TRAPS10(ENV_TRAP, 2) TRAPS10(ENV_TRAP, 3)
TRAPS10(ENV_TRAP, 4) TRAPS10(ENV_TRAP, 5) TRAPS10(ENV_TRAP, 6) TRAPS10(ENV_TRAP, 7)
TRAPS10(ENV_TRAP, 8) TRAPS10(ENV_TRAP, 9) TRAPS10(ENV_TRAP, 10) TRAPS10(ENV_TRAP, 11)
TRAPS10(ENV_TRAP, 12) TRAPS10(ENV_TRAP, 13) TRAPS10(ENV_TRAP, 14) TRAPS10(ENV_TRAP, 15)
TRAPS10(ENV_TRAP, 16) TRAPS10(ENV_TRAP, 17) TRAPS10(ENV_TRAP, 18) TRAPS10(ENV_TRAP, 19)
TRAPS10(ENV_TRAP, 20) TRAPS10(ENV_TRAP, 21) TRAPS10(ENV_TRAP, 22) TRAPS10(ENV_TRAP, 23)
TRAPS10(ENV_TRAP, 24) TRAPS10(ENV_TRAP, 25)
TRAPS10(VM_TRAP, )

static void(JNICALL *const env_traps[])(void) = {
    REFS10(env_trap_, ) REFS10(env_trap_, 1) REFS10(env_trap_, 2) REFS10(env_trap_, 3)
    REFS10(env_trap_, 4) REFS10(env_trap_, 5) REFS10(env_trap_, 6) REFS10(env_trap_, 7)
    REFS10(env_trap_, 8) REFS10(env_trap_, 9) REFS10(env_trap_, 10) REFS10(env_trap_, 11)
    REFS10(env_trap_, 12) REFS10(env_trap_, 13) REFS10(env_trap_, 14) REFS10(env_trap_, 15)
    REFS10(env_trap_, 16) REFS10(env_trap_, 17) REFS10(env_trap_, 18) REFS10(env_trap_, 19)
    REFS10(env_trap_, 20) REFS10(env_trap_, 21) REFS10(env_trap_, 22) REFS10(env_trap_, 23)
    REFS10(env_trap_, 24) REFS10(env_trap_, 25)};
static void(JNICALL *const vm_traps[])(void) = {REFS10(vm_trap_, )};
_Static_assert(ENV_SLOTS <= sizeof env_traps / sizeof env_traps[0], "more JNIEnv slots than traps");
_Static_assert(VM_SLOTS <= sizeof vm_traps / sizeof vm_traps[0], "more JavaVM slots than traps");

/* ---- bookkeeping on entry to every implemented JNI function -------------------------- */

enum { ALLOW_PENDING = 1, ALLOW_CRITICAL = 2 };

static int enter(JNIEnv *env, size_t slot, const char *name, int allowed) {
    slot_uses[slot]++;
    if (env != jni_env()) {
        violation(name, "called with a JNIEnv pointer that is not the one the VM passed");
        return 0;
    }
    if (critical_depth > 0 && !(allowed & ALLOW_CRITICAL)) {
        violation(name, "called inside a GetPrimitiveArrayCritical/GetStringCritical region");
    }
    if (pending != NULL && !(allowed & ALLOW_PENDING)) {
        violation(name, "called while an exception is pending (check ExceptionCheck first)");
    }
    return 1;
}

#define ENTER(env, Name, allowed) \
    enter((env), offsetof(struct JNINativeInterface_, Name) / sizeof(void *), #Name, (allowed))

/* ---- objects and references ---------------------------------------------------------- */

static char *copy_ascii(const char *text) {
    int n = ascii_length(text);
    char *copy = h_alloc((SIZE_T)n + 1);
    for (int i = 0; i < n; i++) {
        copy[i] = text[i];
    }
    return copy;
}

static jobj *class_named(const char *name) {
    for (jobj *c = classes; c != NULL; c = c->nextClass) {
        if (ascii_equals(c->name, name)) {
            return c;
        }
    }
    jobj *c = h_alloc(sizeof *c);
    c->magic = OBJ_MAGIC;
    c->kind = K_CLASS;
    c->name = copy_ascii(name);
    c->nextClass = classes;
    classes = c;
    return c;
}

static jobj *new_obj(int kind, const char *className) {
    jobj *o = h_alloc(sizeof *o);
    o->magic = OBJ_MAGIC;
    o->kind = kind;
    o->cls = class_named(className);
    return o;
}

static jobject new_ref(jobj *obj, int global) {
    if (obj == NULL) {
        return NULL;
    }
    ref *r = h_alloc(sizeof *r);
    r->magic = REF_MAGIC;
    r->global = global;
    r->live = 1;
    r->obj = obj;
    r->frame = global ? -1 : frame;
    if (global) {
        globals++;
    } else if (frame > 0) {
        if (frame_ref_count == frame_ref_capacity) {
            int capacity = frame_ref_capacity ? 2 * frame_ref_capacity : 256;
            ref **grown = h_alloc(sizeof(ref *) * (SIZE_T)capacity);
            for (int i = 0; i < frame_ref_count; i++) {
                grown[i] = frame_refs[i];
            }
            frame_refs = grown;
            frame_ref_capacity = capacity;
        }
        frame_refs[frame_ref_count++] = r;
        live_locals++;
        if (live_locals > max_live_locals) {
            max_live_locals = live_locals;
        }
        if (live_locals > local_capacity && !capacity_reported) {
            capacity_reported = 1;
            violation("(local references)",
                      "more than 32 local references alive at once: DeleteLocalRef in loops "
                      "(the JVM's -Xcheck:jni warns here)");
        }
    }
    return (jobject)r;
}

/* The object behind a reference; NULL (after reporting) for a dead or foreign handle. */
static jobj *deref(jobject handle, int allowNull, const char *function) {
    if (handle == NULL) {
        if (!allowNull) {
            violation(function, "NULL passed where a reference is required");
        }
        return NULL;
    }
    ref *r = (ref *)handle;
    if (r->magic != REF_MAGIC || r->obj == NULL || r->obj->magic != OBJ_MAGIC) {
        violation(function, "passed something that is not a JNI reference");
        return NULL;
    }
    if (!r->live) {
        violation(function, r->global ? "passed a deleted global reference"
                                      : "passed a local reference that was deleted or belongs "
                                        "to an earlier native call (kept in a static?)");
        return NULL;
    }
    return r->obj;
}

static jobj *deref_kind(jobject handle, int kind, int allowNull, const char *function) {
    jobj *o = deref(handle, allowNull, function);
    if (o != NULL && o->kind != kind) {
        violation(function, kind == K_CLASS    ? "passed an object where a jclass is required"
                            : kind == K_STRING ? "passed an object where a jstring is required"
                            : kind == K_ARRAY  ? "passed an object where an array is required"
                                               : "passed a reference of the wrong kind");
        return NULL;
    }
    return o;
}

static void throw_new(const char *className, const char *message);

static jobj *new_string(const WCHAR *units, int length) {
    jobj *s = new_obj(K_STRING, "java/lang/String");
    s->units = h_alloc(sizeof(WCHAR) * (SIZE_T)(length + 1));
    for (int i = 0; i < length; i++) {
        s->units[i] = units[i];
    }
    s->length = length;
    return s;
}

static int element_size(char type) {
    switch (type) {
    case 'Z':
    case 'B':
        return 1;
    case 'C':
    case 'S':
        return 2;
    case 'I':
    case 'F':
        return 4;
    case 'J':
    case 'D':
        return 8;
    default:
        return (int)sizeof(jobj *);
    }
}

static jobj *new_array(char type, const char *className, int length) {
    jobj *a = new_obj(K_ARRAY, className);
    a->elementType = type;
    a->elementSize = element_size(type);
    a->length = length;
    a->data = h_alloc((SIZE_T)a->elementSize * (SIZE_T)length);
    return a;
}

static const char *primitive_array_class(char type) {
    switch (type) {
    case 'Z': return "[Z";
    case 'B': return "[B";
    case 'C': return "[C";
    case 'S': return "[S";
    case 'I': return "[I";
    case 'J': return "[J";
    case 'F': return "[F";
    default: return "[D";
    }
}

/* ---- modified UTF-8 ------------------------------------------------------------------ */

/* Decodes modified UTF-8 into units (NULL: just count). Returns the unit count or -1. */
static int decode_modified_utf8(const char *bytes, WCHAR *units) {
    const unsigned char *p = (const unsigned char *)bytes;
    int n = 0;
    while (*p) {
        unsigned unit;
        if (p[0] < 0x80) {
            unit = p[0];
            p += 1;
        } else if ((p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
            unit = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
            p += 2;
        } else if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            unit = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            p += 3;
        } else {
            return -1; /* 4-byte forms are not modified UTF-8 */
        }
        if (units != NULL) {
            units[n] = (WCHAR)unit;
        }
        n++;
    }
    return n;
}

static int encode_modified_utf8(const WCHAR *units, int length, char *bytes) {
    int n = 0;
    for (int i = 0; i < length; i++) {
        unsigned u = units[i];
        if (u != 0 && u < 0x80) {
            if (bytes) bytes[n] = (char)u;
            n += 1;
        } else if (u < 0x800) {
            if (bytes) {
                bytes[n] = (char)(0xC0 | (u >> 6));
                bytes[n + 1] = (char)(0x80 | (u & 0x3F));
            }
            n += 2;
        } else {
            if (bytes) {
                bytes[n] = (char)(0xE0 | (u >> 12));
                bytes[n + 1] = (char)(0x80 | ((u >> 6) & 0x3F));
                bytes[n + 2] = (char)(0x80 | (u & 0x3F));
            }
            n += 3;
        }
    }
    return n;
}

static jobj *string_from_modified_utf8(const char *bytes, const char *function) {
    int length = decode_modified_utf8(bytes, NULL);
    if (length < 0) {
        violation(function, "text is not valid modified UTF-8");
        return NULL;
    }
    WCHAR *units = h_alloc(sizeof(WCHAR) * (SIZE_T)(length + 1));
    decode_modified_utf8(bytes, units);
    return new_string(units, length);
}

/* ---- leases (copies handed to native code) ------------------------------------------- */

static void *lease_out(jobj *obj, const void *from, int bytes, int terminator, int critical,
                       const char *getter) {
    lease *l = h_alloc(sizeof *l);
    l->obj = obj;
    l->bytes = bytes;
    l->terminator = terminator;
    l->critical = critical;
    l->getter = getter;
    l->copy = h_alloc((SIZE_T)bytes + (SIZE_T)terminator + GUARD_BYTES);
    for (int i = 0; i < bytes; i++) {
        l->copy[i] = ((const unsigned char *)from)[i];
    }
    for (int i = 0; i < GUARD_BYTES; i++) {
        l->copy[bytes + terminator + i] = GUARD_FILL;
    }
    l->next = leases;
    leases = l;
    if (critical) {
        critical_depth++;
    }
    return l->copy;
}

/* Ends a lease: mode 0 copies back and frees, JNI_COMMIT copies back, JNI_ABORT frees. */
static void lease_return(jobj *obj, const void *copy, int mode, int critical, const char *function,
                         void *writeBack) {
    lease **at = &leases;
    while (*at != NULL && ((*at)->copy != copy || (*at)->obj != obj)) {
        at = &(*at)->next;
    }
    if (*at == NULL) {
        violation(function, "released a pointer that was not handed out for this object");
        return;
    }
    lease *l = *at;
    if (l->critical != critical) {
        violation(function, "released with the wrong function (critical vs. elements)");
    }
    for (int i = 0; i < GUARD_BYTES; i++) {
        if (l->copy[l->bytes + l->terminator + i] != GUARD_FILL) {
            violation(function, "native code wrote past the end of the array it was given");
            break;
        }
    }
    if (writeBack != NULL && mode != JNI_ABORT) {
        for (int i = 0; i < l->bytes; i++) {
            ((unsigned char *)writeBack)[i] = l->copy[i];
        }
    }
    if (mode != JNI_COMMIT) {
        *at = l->next;
        if (l->critical) {
            critical_depth--;
        }
    }
}

/* ---- the implemented JNIEnv functions -------------------------------------------------- */

static jint JNICALL f_GetVersion(JNIEnv *env) {
    ENTER(env, GetVersion, 0);
    return JNI_VERSION_10;
}

static jclass JNICALL f_FindClass(JNIEnv *env, const char *name) {
    ENTER(env, FindClass, 0);
    if (name == NULL || name[0] == 0) {
        violation("FindClass", "empty class name");
        return NULL;
    }
    for (const char *p = name; *p; p++) {
        if (*p == '.') {
            violation("FindClass", "class names use '/', not '.'");
            break;
        }
    }
    return (jclass)new_ref(class_named(name), 0);
}

static jint JNICALL f_Throw(JNIEnv *env, jthrowable error) {
    ENTER(env, Throw, 0);
    jobj *o = deref_kind(error, K_OBJECT, 0, "Throw");
    if (o == NULL) {
        return JNI_ERR;
    }
    pending = o;
    return JNI_OK;
}

static jint JNICALL f_ThrowNew(JNIEnv *env, jclass cls, const char *message) {
    ENTER(env, ThrowNew, 0);
    jobj *c = deref_kind(cls, K_CLASS, 0, "ThrowNew");
    if (c == NULL) {
        return JNI_ERR;
    }
    jobj *o = new_obj(K_OBJECT, c->name);
    o->message = message ? string_from_modified_utf8(message, "ThrowNew") : NULL;
    pending = o;
    return JNI_OK;
}

static jthrowable JNICALL f_ExceptionOccurred(JNIEnv *env) {
    ENTER(env, ExceptionOccurred, ALLOW_PENDING);
    return (jthrowable)new_ref(pending, 0);
}

static void JNICALL f_ExceptionClear(JNIEnv *env) {
    ENTER(env, ExceptionClear, ALLOW_PENDING);
    pending = NULL;
}

static jboolean JNICALL f_ExceptionCheck(JNIEnv *env) {
    ENTER(env, ExceptionCheck, ALLOW_PENDING);
    return pending != NULL ? JNI_TRUE : JNI_FALSE;
}

static jobject JNICALL f_NewGlobalRef(JNIEnv *env, jobject object) {
    ENTER(env, NewGlobalRef, 0);
    return new_ref(deref(object, 1, "NewGlobalRef"), 1);
}

static void JNICALL f_DeleteGlobalRef(JNIEnv *env, jobject object) {
    ENTER(env, DeleteGlobalRef, ALLOW_PENDING);
    if (object == NULL) {
        return;
    }
    if (deref(object, 0, "DeleteGlobalRef") == NULL) {
        return;
    }
    ref *r = (ref *)object;
    if (!r->global) {
        violation("DeleteGlobalRef", "passed a local reference");
        return;
    }
    r->live = 0;
    globals--;
}

static void JNICALL f_DeleteLocalRef(JNIEnv *env, jobject object) {
    ENTER(env, DeleteLocalRef, ALLOW_PENDING);
    if (object == NULL) {
        return;
    }
    if (deref(object, 0, "DeleteLocalRef") == NULL) {
        return;
    }
    ref *r = (ref *)object;
    if (r->global) {
        violation("DeleteLocalRef", "passed a global reference");
        return;
    }
    if (r->frame != frame) {
        return; /* an argument: legal to delete; the harness keeps its own view of it */
    }
    r->live = 0;
    live_locals--;
}

static jboolean JNICALL f_IsSameObject(JNIEnv *env, jobject a, jobject b) {
    ENTER(env, IsSameObject, 0);
    return deref(a, 1, "IsSameObject") == deref(b, 1, "IsSameObject") ? JNI_TRUE : JNI_FALSE;
}

static jobject JNICALL f_NewLocalRef(JNIEnv *env, jobject object) {
    ENTER(env, NewLocalRef, 0);
    return new_ref(deref(object, 1, "NewLocalRef"), 0);
}

static jint JNICALL f_EnsureLocalCapacity(JNIEnv *env, jint capacity) {
    ENTER(env, EnsureLocalCapacity, 0);
    if (capacity < 0) {
        violation("EnsureLocalCapacity", "negative capacity");
        return JNI_ERR;
    }
    if (live_locals + capacity > local_capacity) {
        local_capacity = live_locals + capacity;
    }
    return JNI_OK;
}

static jclass JNICALL f_GetObjectClass(JNIEnv *env, jobject object) {
    ENTER(env, GetObjectClass, 0);
    jobj *o = deref(object, 0, "GetObjectClass");
    return o == NULL ? NULL : (jclass)new_ref(o->kind == K_CLASS ? class_named("java/lang/Class")
                                                                 : o->cls, 0);
}

static jobjectRefType JNICALL f_GetObjectRefType(JNIEnv *env, jobject object) {
    ENTER(env, GetObjectRefType, 0);
    ref *r = (ref *)object;
    if (r == NULL || r->magic != REF_MAGIC || !r->live) {
        return JNIInvalidRefType;
    }
    return r->global ? JNIGlobalRefType : JNILocalRefType;
}

/* A method id records class, name and signature; the signature must be well formed. */
static int parse_type(const char **p) {
    while (**p == '[') {
        (*p)++;
    }
    switch (**p) {
    case 'Z': case 'B': case 'C': case 'S': case 'I': case 'J': case 'F': case 'D':
        (*p)++;
        return 1;
    case 'L':
        while (**p && **p != ';') {
            (*p)++;
        }
        if (**p != ';') {
            return 0;
        }
        (*p)++;
        return 1;
    default:
        return 0;
    }
}

static int valid_method_signature(const char *s) {
    if (*s++ != '(') {
        return 0;
    }
    while (*s && *s != ')') {
        if (!parse_type(&s)) {
            return 0;
        }
    }
    if (*s++ != ')') {
        return 0;
    }
    if (*s == 'V') {
        return s[1] == 0;
    }
    return parse_type(&s) && *s == 0;
}

static jmethodID JNICALL f_GetMethodID(JNIEnv *env, jclass cls, const char *name,
                                       const char *signature) {
    ENTER(env, GetMethodID, 0);
    jobj *c = deref_kind(cls, K_CLASS, 0, "GetMethodID");
    if (c == NULL || name == NULL || signature == NULL) {
        return NULL;
    }
    if (!valid_method_signature(signature)) {
        violation("GetMethodID", "malformed method signature");
        return NULL;
    }
    method *m = h_alloc(sizeof *m);
    m->magic = METHOD_MAGIC;
    m->cls = c;
    m->name = copy_ascii(name);
    m->signature = copy_ascii(signature);
    return (jmethodID)m;
}

/* GetStaticMethodID: the class must be the one the harness declared the method on (the
 * upcalls the DLL makes are listed by jni_declare_static); anything else is NoSuchMethodError,
 * as in the JVM, so a misspelt name or signature in the shim fails here too. */
#define MAX_STATICS 8
static struct {
    const char *cls, *name, *signature;
} declared_statics[MAX_STATICS];
static int declared_static_count;
static jni_static_hook static_hook;

void jni_declare_static(const char *cls, const char *name, const char *signature) {
    if (declared_static_count < MAX_STATICS) {
        declared_statics[declared_static_count].cls = cls;
        declared_statics[declared_static_count].name = name;
        declared_statics[declared_static_count].signature = signature;
        declared_static_count++;
    }
}

void jni_set_static_hook(jni_static_hook hook) {
    static_hook = hook;
}

static jmethodID JNICALL f_GetStaticMethodID(JNIEnv *env, jclass cls, const char *name,
                                             const char *signature) {
    ENTER(env, GetStaticMethodID, 0);
    jobj *c = deref_kind(cls, K_CLASS, 0, "GetStaticMethodID");
    if (c == NULL || name == NULL || signature == NULL) {
        return NULL;
    }
    if (!valid_method_signature(signature)) {
        violation("GetStaticMethodID", "malformed method signature");
        return NULL;
    }
    for (int i = 0; i < declared_static_count; i++) {
        if (ascii_equals(declared_statics[i].cls, c->name) &&
            ascii_equals(declared_statics[i].name, name) &&
            ascii_equals(declared_statics[i].signature, signature)) {
            method *m = h_alloc(sizeof *m);
            m->magic = METHOD_MAGIC;
            m->cls = c;
            m->name = copy_ascii(name);
            m->signature = copy_ascii(signature);
            m->isStatic = 1;
            return (jmethodID)m;
        }
    }
    throw_new("java/lang/NoSuchMethodError", name);
    return NULL;
}

/* CallStaticVoidMethod: checks class and id, reads the arguments by the signature (ints and
 * longs only: the upcalls the shim makes) and hands them to the harness's hook. */
static void f_CallStaticVoidMethod(JNIEnv *env, jclass cls, jmethodID id, ...) {
    ENTER(env, CallStaticVoidMethod, 0);
    jobj *c = deref_kind(cls, K_CLASS, 0, "CallStaticVoidMethod");
    method *m = (method *)id;
    if (c == NULL || m == NULL || m->magic != METHOD_MAGIC || !m->isStatic) {
        violation("CallStaticVoidMethod", "no valid class or static method id");
        return;
    }
    if (m->cls != c) {
        violation("CallStaticVoidMethod", "the method id belongs to another class");
        return;
    }
    const char *p = m->signature + 1;
    const char *end = p;
    while (*end && *end != ')') {
        end++;
    }
    if (end[0] != ')' || end[1] != 'V') {
        violation("CallStaticVoidMethod", "the method does not return void");
        return;
    }
    LONGLONG args[MAX_CTOR_ARGS];
    int count = 0;
    va_list list;
    va_start(list, id);
    while (*p != ')' && count < MAX_CTOR_ARGS) {
        const char *start = p;
        parse_type(&p);
        switch (*start) {
        case 'Z': case 'B': case 'C': case 'S': case 'I':
            args[count++] = va_arg(list, int);
            break;
        case 'J':
            args[count++] = va_arg(list, jlong);
            break;
        default:
            va_end(list);
            violation("CallStaticVoidMethod", "the harness models int/long arguments only");
            return;
        }
    }
    va_end(list);
    if (static_hook != NULL) {
        static_hook(m->name, m->signature, args, count);
    }
}

static jint JNICALL f_GetJavaVM(JNIEnv *env, JavaVM **vm) {
    ENTER(env, GetJavaVM, 0);
    if (vm == NULL) {
        violation("GetJavaVM", "NULL out pointer");
        return JNI_ERR;
    }
    *vm = jni_vm();
    return JNI_OK;
}

/* NewObject: reads the variadic arguments by the constructor's signature and records them.
 * Variadic functions are cdecl even where JNICALL is stdcall (x86): jni.h's slot type is too. */
static jobject f_NewObject(JNIEnv *env, jclass cls, jmethodID id, ...) {
    ENTER(env, NewObject, 0);
    jobj *c = deref_kind(cls, K_CLASS, 0, "NewObject");
    method *m = (method *)id;
    if (c == NULL || m == NULL || m->magic != METHOD_MAGIC) {
        violation("NewObject", "no valid class or method id");
        return NULL;
    }
    if (!ascii_equals(m->name, "<init>") || m->cls != c) {
        violation("NewObject", "the method id is not a constructor of this class");
        return NULL;
    }
    jobj *o = new_obj(K_OBJECT, c->name);
    o->ctor = m;
    va_list args;
    va_start(args, id);
    const char *p = m->signature + 1;
    while (*p != ')' && o->argCount < MAX_CTOR_ARGS) {
        int i = o->argCount++;
        const char *start = p;
        parse_type(&p);
        switch (*start) {
        case 'Z': case 'B': case 'C': case 'S': case 'I':
            o->intArgs[i] = va_arg(args, int);
            break;
        case 'J':
            o->intArgs[i] = va_arg(args, jlong);
            break;
        case 'F': case 'D':
            (void)va_arg(args, double);
            break;
        default:
            o->objectArgs[i] = deref(va_arg(args, jobject), 1, "NewObject");
            break;
        }
    }
    va_end(args);
    return new_ref(o, 0);
}

static jstring JNICALL f_NewString(JNIEnv *env, const jchar *units, jsize length) {
    ENTER(env, NewString, 0);
    if (length < 0 || (units == NULL && length > 0)) {
        violation("NewString", "negative length or NULL text");
        return NULL;
    }
    return (jstring)new_ref(new_string(units, length), 0);
}

static jsize JNICALL f_GetStringLength(JNIEnv *env, jstring string) {
    ENTER(env, GetStringLength, 0);
    jobj *s = deref_kind(string, K_STRING, 0, "GetStringLength");
    return s ? s->length : 0;
}

static const jchar *JNICALL f_GetStringChars(JNIEnv *env, jstring string, jboolean *isCopy) {
    ENTER(env, GetStringChars, 0);
    jobj *s = deref_kind(string, K_STRING, 0, "GetStringChars");
    if (s == NULL) {
        return NULL;
    }
    if (isCopy) {
        *isCopy = JNI_TRUE;
    }
    /* No terminating NUL: the JNI spec promises none. */
    return lease_out(s, s->units, s->length * 2, 0, 0, "GetStringChars");
}

static void JNICALL f_ReleaseStringChars(JNIEnv *env, jstring string, const jchar *chars) {
    ENTER(env, ReleaseStringChars, ALLOW_PENDING);
    jobj *s = deref_kind(string, K_STRING, 0, "ReleaseStringChars");
    if (s != NULL) {
        lease_return(s, chars, 0, 0, "ReleaseStringChars", NULL);
    }
}

static jstring JNICALL f_NewStringUTF(JNIEnv *env, const char *utf) {
    ENTER(env, NewStringUTF, 0);
    if (utf == NULL) {
        return NULL;
    }
    return (jstring)new_ref(string_from_modified_utf8(utf, "NewStringUTF"), 0);
}

static jsize JNICALL f_GetStringUTFLength(JNIEnv *env, jstring string) {
    ENTER(env, GetStringUTFLength, 0);
    jobj *s = deref_kind(string, K_STRING, 0, "GetStringUTFLength");
    return s ? encode_modified_utf8(s->units, s->length, NULL) : 0;
}

static const char *JNICALL f_GetStringUTFChars(JNIEnv *env, jstring string, jboolean *isCopy) {
    ENTER(env, GetStringUTFChars, 0);
    jobj *s = deref_kind(string, K_STRING, 0, "GetStringUTFChars");
    if (s == NULL) {
        return NULL;
    }
    int bytes = encode_modified_utf8(s->units, s->length, NULL);
    char *text = h_alloc((SIZE_T)bytes + 1);
    encode_modified_utf8(s->units, s->length, text);
    if (isCopy) {
        *isCopy = JNI_TRUE;
    }
    return lease_out(s, text, bytes, 1, 0, "GetStringUTFChars"); /* NUL-terminated */
}

static void JNICALL f_ReleaseStringUTFChars(JNIEnv *env, jstring string, const char *chars) {
    ENTER(env, ReleaseStringUTFChars, ALLOW_PENDING);
    jobj *s = deref_kind(string, K_STRING, 0, "ReleaseStringUTFChars");
    if (s != NULL) {
        lease_return(s, chars, 0, 0, "ReleaseStringUTFChars", NULL);
    }
}

static void JNICALL f_GetStringRegion(JNIEnv *env, jstring string, jsize start, jsize length,
                                      jchar *buffer) {
    ENTER(env, GetStringRegion, 0);
    jobj *s = deref_kind(string, K_STRING, 0, "GetStringRegion");
    if (s == NULL) {
        return;
    }
    if (start < 0 || length < 0 || start > s->length - length) {
        throw_new("java/lang/StringIndexOutOfBoundsException", "GetStringRegion");
        return;
    }
    for (int i = 0; i < length; i++) {
        buffer[i] = s->units[start + i];
    }
}

static const jchar *JNICALL f_GetStringCritical(JNIEnv *env, jstring string, jboolean *isCopy) {
    ENTER(env, GetStringCritical, ALLOW_CRITICAL);
    jobj *s = deref_kind(string, K_STRING, 0, "GetStringCritical");
    if (s == NULL) {
        return NULL;
    }
    if (isCopy) {
        *isCopy = JNI_TRUE;
    }
    return lease_out(s, s->units, s->length * 2, 0, 1, "GetStringCritical");
}

static void JNICALL f_ReleaseStringCritical(JNIEnv *env, jstring string, const jchar *chars) {
    ENTER(env, ReleaseStringCritical, ALLOW_PENDING | ALLOW_CRITICAL);
    jobj *s = deref_kind(string, K_STRING, 0, "ReleaseStringCritical");
    if (s != NULL) {
        lease_return(s, chars, 0, 1, "ReleaseStringCritical", NULL);
    }
}

static jsize JNICALL f_GetArrayLength(JNIEnv *env, jarray array) {
    ENTER(env, GetArrayLength, 0);
    jobj *a = deref_kind(array, K_ARRAY, 0, "GetArrayLength");
    return a ? a->length : 0;
}

static jobjectArray JNICALL f_NewObjectArray(JNIEnv *env, jsize length, jclass elementClass,
                                             jobject initial) {
    ENTER(env, NewObjectArray, 0);
    jobj *c = deref_kind(elementClass, K_CLASS, 0, "NewObjectArray");
    jobj *init = deref(initial, 1, "NewObjectArray");
    if (c == NULL) {
        return NULL;
    }
    if (length < 0) {
        throw_new("java/lang/NegativeArraySizeException", "NewObjectArray");
        return NULL;
    }
    int n = ascii_length(c->name);
    char *name = h_alloc((SIZE_T)n + 4);
    int at = 0;
    name[at++] = '[';
    if (c->name[0] != '[') {
        name[at++] = 'L';
    }
    for (int i = 0; i < n; i++) {
        name[at++] = c->name[i];
    }
    if (c->name[0] != '[') {
        name[at++] = ';';
    }
    jobj *a = new_array('L', name, length);
    a->nextClass = c; /* element class, for ArrayStoreException checks */
    for (int i = 0; i < length; i++) {
        ((jobj **)a->data)[i] = init;
    }
    return (jobjectArray)new_ref(a, 0);
}

static int store_compatible(jobj *elementClass, jobj *value) {
    if (value == NULL || ascii_equals(elementClass->name, "java/lang/Object")) {
        return 1;
    }
    if (value->kind == K_CLASS) {
        return ascii_equals(elementClass->name, "java/lang/Class");
    }
    return ascii_equals(elementClass->name, value->cls->name);
}

static jobject JNICALL f_GetObjectArrayElement(JNIEnv *env, jobjectArray array, jsize index) {
    ENTER(env, GetObjectArrayElement, 0);
    jobj *a = deref_kind(array, K_ARRAY, 0, "GetObjectArrayElement");
    if (a == NULL || a->elementType != 'L') {
        return NULL;
    }
    if (index < 0 || index >= a->length) {
        throw_new("java/lang/ArrayIndexOutOfBoundsException", "GetObjectArrayElement");
        return NULL;
    }
    return new_ref(((jobj **)a->data)[index], 0);
}

static void JNICALL f_SetObjectArrayElement(JNIEnv *env, jobjectArray array, jsize index,
                                           jobject value) {
    ENTER(env, SetObjectArrayElement, 0);
    jobj *a = deref_kind(array, K_ARRAY, 0, "SetObjectArrayElement");
    jobj *v = deref(value, 1, "SetObjectArrayElement");
    if (a == NULL) {
        return;
    }
    if (a->elementType != 'L') {
        violation("SetObjectArrayElement", "the array is a primitive array");
        return;
    }
    if (index < 0 || index >= a->length) {
        throw_new("java/lang/ArrayIndexOutOfBoundsException", "SetObjectArrayElement");
        return;
    }
    if (!store_compatible(a->nextClass, v)) {
        throw_new("java/lang/ArrayStoreException", "SetObjectArrayElement");
        return;
    }
    ((jobj **)a->data)[index] = v;
}

static void *JNICALL f_GetPrimitiveArrayCritical(JNIEnv *env, jarray array, jboolean *isCopy) {
    ENTER(env, GetPrimitiveArrayCritical, ALLOW_CRITICAL);
    jobj *a = deref_kind(array, K_ARRAY, 0, "GetPrimitiveArrayCritical");
    if (a == NULL || a->elementType == 'L') {
        if (a != NULL) {
            violation("GetPrimitiveArrayCritical", "the array is an object array");
        }
        return NULL;
    }
    if (isCopy) {
        *isCopy = JNI_TRUE;
    }
    return lease_out(a, a->data, a->length * a->elementSize, 0, 1, "GetPrimitiveArrayCritical");
}

static void JNICALL f_ReleasePrimitiveArrayCritical(JNIEnv *env, jarray array, void *data,
                                                    jint mode) {
    ENTER(env, ReleasePrimitiveArrayCritical, ALLOW_PENDING | ALLOW_CRITICAL);
    jobj *a = deref_kind(array, K_ARRAY, 0, "ReleasePrimitiveArrayCritical");
    if (a != NULL) {
        lease_return(a, data, mode, 1, "ReleasePrimitiveArrayCritical", a->data);
    }
}

/* New<T>Array, Get/Release<T>ArrayElements, Get/Set<T>ArrayRegion for the eight types. */
static jobj *primitive_array(jarray array, char type, const char *function) {
    jobj *a = deref_kind(array, K_ARRAY, 0, function);
    if (a != NULL && a->elementType != type) {
        violation(function, "the array has another element type");
        return NULL;
    }
    return a;
}

static int region_ok(jobj *a, jsize start, jsize length, const char *function) {
    if (start < 0 || length < 0 || start > a->length - length) {
        throw_new("java/lang/ArrayIndexOutOfBoundsException", function);
        return 0;
    }
    return 1;
}

#define PRIMITIVE(T, jtype, jarrayType, code)                                                  \
    static jarrayType JNICALL f_New##T##Array(JNIEnv *env, jsize length) {                    \
        ENTER(env, New##T##Array, 0);                                                          \
        if (length < 0) {                                                                      \
            throw_new("java/lang/NegativeArraySizeException", "New" #T "Array");              \
            return NULL;                                                                       \
        }                                                                                      \
        return (jarrayType)new_ref(new_array(code, primitive_array_class(code), length), 0);   \
    }                                                                                          \
    static jtype *JNICALL f_Get##T##ArrayElements(JNIEnv *env, jarrayType array,              \
                                                  jboolean *isCopy) {                          \
        ENTER(env, Get##T##ArrayElements, 0);                                                  \
        jobj *a = primitive_array(array, code, "Get" #T "ArrayElements");                     \
        if (a == NULL) {                                                                       \
            return NULL;                                                                       \
        }                                                                                      \
        if (isCopy) {                                                                          \
            *isCopy = JNI_TRUE;                                                                \
        }                                                                                      \
        return lease_out(a, a->data, a->length * a->elementSize, 0, 0,                         \
                         "Get" #T "ArrayElements");                                            \
    }                                                                                          \
    static void JNICALL f_Release##T##ArrayElements(JNIEnv *env, jarrayType array,            \
                                                    jtype *elements, jint mode) {              \
        ENTER(env, Release##T##ArrayElements, ALLOW_PENDING);                                  \
        jobj *a = primitive_array(array, code, "Release" #T "ArrayElements");                 \
        if (a != NULL) {                                                                       \
            lease_return(a, elements, mode, 0, "Release" #T "ArrayElements", a->data);         \
        }                                                                                      \
    }                                                                                          \
    static void JNICALL f_Get##T##ArrayRegion(JNIEnv *env, jarrayType array, jsize start,     \
                                              jsize length, jtype *buffer) {                   \
        ENTER(env, Get##T##ArrayRegion, 0);                                                    \
        jobj *a = primitive_array(array, code, "Get" #T "ArrayRegion");                       \
        if (a != NULL && region_ok(a, start, length, "Get" #T "ArrayRegion")) {                \
            for (jsize i = 0; i < length; i++) {                                               \
                buffer[i] = ((jtype *)a->data)[start + i];                                     \
            }                                                                                  \
        }                                                                                      \
    }                                                                                          \
    static void JNICALL f_Set##T##ArrayRegion(JNIEnv *env, jarrayType array, jsize start,     \
                                              jsize length, const jtype *buffer) {             \
        ENTER(env, Set##T##ArrayRegion, 0);                                                    \
        jobj *a = primitive_array(array, code, "Set" #T "ArrayRegion");                       \
        if (a != NULL && region_ok(a, start, length, "Set" #T "ArrayRegion")) {                \
            for (jsize i = 0; i < length; i++) {                                               \
                ((jtype *)a->data)[start + i] = buffer[i];                                     \
            }                                                                                  \
        }                                                                                      \
    }

PRIMITIVE(Boolean, jboolean, jbooleanArray, 'Z')
PRIMITIVE(Byte, jbyte, jbyteArray, 'B')
PRIMITIVE(Char, jchar, jcharArray, 'C')
PRIMITIVE(Short, jshort, jshortArray, 'S')
PRIMITIVE(Int, jint, jintArray, 'I')
PRIMITIVE(Long, jlong, jlongArray, 'J')
PRIMITIVE(Float, jfloat, jfloatArray, 'F')
PRIMITIVE(Double, jdouble, jdoubleArray, 'D')

static void throw_new(const char *className, const char *message) {
    jobj *o = new_obj(K_OBJECT, className);
    o->message = string_from_modified_utf8(message, "(harness)");
    pending = o;
}

/* ---- JavaVM --------------------------------------------------------------------------- */

static jint JNICALL vm_GetEnv(JavaVM *vm, void **penv, jint version) {
    if (vm != jni_vm()) {
        violation("JavaVM.GetEnv", "called with a JavaVM pointer that is not the VM's");
        return JNI_ERR;
    }
    switch (version) {
    case JNI_VERSION_1_1: case JNI_VERSION_1_2: case JNI_VERSION_1_4: case JNI_VERSION_1_6:
    case JNI_VERSION_1_8: case JNI_VERSION_9: case JNI_VERSION_10:
        *penv = jni_env();
        return JNI_OK;
    default:
        *penv = NULL;
        return JNI_EVERSION;
    }
}

/* ---- direct buffers (virtual channels): java.nio.DirectByteBuffer over harness memory -- */

#define DIRECT_BUFFER_CLASS "java/nio/DirectByteBuffer"

static void *JNICALL f_GetDirectBufferAddress(JNIEnv *env, jobject buffer) {
    ENTER(env, GetDirectBufferAddress, 0);
    jobj *b = deref(buffer, 0, "GetDirectBufferAddress"); /* any object: NULL if not a direct buffer */
    return b != NULL && b->kind == K_OBJECT && b->cls == class_named(DIRECT_BUFFER_CLASS) ? b->data
                                                                                           : NULL;
}

static jlong JNICALL f_GetDirectBufferCapacity(JNIEnv *env, jobject buffer) {
    ENTER(env, GetDirectBufferCapacity, 0);
    jobj *b = deref(buffer, 0, "GetDirectBufferCapacity");
    return b != NULL && b->kind == K_OBJECT && b->cls == class_named(DIRECT_BUFFER_CLASS)
               ? (jlong)b->length
               : -1;
}

/* ---- setup and the harness's side ----------------------------------------------------- */

static void install(void) {
    static int done;
    if (done) {
        return;
    }
    done = 1;
    local_capacity = LOCAL_CAPACITY;
    void **envSlots = (void **)&env_table;
    for (size_t i = 0; i < ENV_SLOTS; i++) {
        envSlots[i] = (void *)env_traps[i];
    }
    void **vmSlots = (void **)&vm_table;
    for (size_t i = 0; i < VM_SLOTS; i++) {
        vmSlots[i] = (void *)vm_traps[i];
    }
    vm_table.GetEnv = vm_GetEnv;
#define SET(Name) env_table.Name = f_##Name;
    SET(GetVersion) SET(FindClass) SET(Throw) SET(ThrowNew) SET(ExceptionOccurred)
    SET(ExceptionClear) SET(ExceptionCheck) SET(NewGlobalRef) SET(DeleteGlobalRef)
    SET(DeleteLocalRef) SET(IsSameObject) SET(NewLocalRef) SET(EnsureLocalCapacity)
    SET(GetObjectClass) SET(GetObjectRefType) SET(GetMethodID) SET(NewObject)
    SET(GetStaticMethodID) SET(CallStaticVoidMethod) SET(GetJavaVM)
    SET(NewString) SET(GetStringLength) SET(GetStringChars) SET(ReleaseStringChars)
    SET(NewStringUTF) SET(GetStringUTFLength) SET(GetStringUTFChars) SET(ReleaseStringUTFChars)
    SET(GetStringRegion) SET(GetStringCritical) SET(ReleaseStringCritical)
    SET(GetArrayLength) SET(NewObjectArray) SET(GetObjectArrayElement) SET(SetObjectArrayElement)
    SET(GetPrimitiveArrayCritical) SET(ReleasePrimitiveArrayCritical)
    SET(GetDirectBufferAddress) SET(GetDirectBufferCapacity)
#define SET_PRIMITIVE(T) SET(New##T##Array) SET(Get##T##ArrayElements) \
    SET(Release##T##ArrayElements) SET(Get##T##ArrayRegion) SET(Set##T##ArrayRegion)
    SET_PRIMITIVE(Boolean) SET_PRIMITIVE(Byte) SET_PRIMITIVE(Char) SET_PRIMITIVE(Short)
    SET_PRIMITIVE(Int) SET_PRIMITIVE(Long) SET_PRIMITIVE(Float) SET_PRIMITIVE(Double)
#undef SET_PRIMITIVE
#undef SET
}

jclass jni_class(const char *name) {
    install();
    return (jclass)new_ref(class_named(name), 0);
}

void jni_enter(void) {
    install();
    frame++;
    frame_ref_count = 0;
    live_locals = 0;
    max_live_locals = 0;
    local_capacity = LOCAL_CAPACITY;
    capacity_reported = 0;
    pending = NULL;
    thrown_after_leave = NULL;
}

jobject jni_leave(jobject result) {
    jobj *value = result == NULL ? NULL : deref(result, 0, "(the returned reference)");
    if (result != NULL && ((ref *)result)->global) {
        violation("(the returned reference)", "a native returned a global reference");
    }
    if (critical_depth != 0) {
        violation("(return)", "returned inside a critical region (missing Release…Critical)");
        critical_depth = 0;
    }
    for (lease *l = leases; l != NULL; l = l->next) {
        violation(l->getter, "returned without the matching Release call");
    }
    leases = NULL;
    for (int i = 0; i < frame_ref_count; i++) {
        frame_refs[i]->live = 0; /* the VM frees a native's locals when it returns */
    }
    frame_ref_count = 0;
    thrown_after_leave = pending;
    pending = NULL;
    int saved = frame;
    frame = 0;
    jobject owned = new_ref(value, 0);
    frame = saved;
    if (thrown_after_leave != NULL && value != NULL) {
        violation("(return)", "returned a value with an exception pending (return NULL/0)");
    }
    return owned;
}

jobject jni_thrown(void) {
    int saved = frame;
    frame = 0;
    jobject owned = new_ref(thrown_after_leave, 0);
    frame = saved;
    return owned;
}

static jobj *harness_deref(jobject handle) {
    ref *r = (ref *)handle;
    if (r == NULL || r->magic != REF_MAGIC || !r->live) {
        return NULL;
    }
    return r->obj;
}

jobject jni_new_array(char elementType, jsize length) {
    install();
    int saved = frame;
    frame = 0;
    jobject a = new_ref(new_array(elementType, primitive_array_class(elementType), length), 0);
    frame = saved;
    return a;
}

jobject jni_new_direct_buffer(void *address, jsize capacity) {
    install();
    int saved = frame;
    frame = 0;
    jobj *b = new_obj(K_OBJECT, DIRECT_BUFFER_CLASS);
    b->data = address;
    b->length = capacity;
    jobject buffer = new_ref(b, 0);
    frame = saved;
    return buffer;
}

jstring jni_new_string(const WCHAR *units, jsize length) {
    install();
    int saved = frame;
    frame = 0;
    jstring s = (jstring)new_ref(new_string(units, length), 0);
    frame = saved;
    return s;
}

jobject jni_new_string_array(jsize length) {
    install();
    int saved = frame;
    frame = 0;
    jobj *a = new_array('L', "[Ljava/lang/String;", length);
    a->nextClass = class_named("java/lang/String");
    jobject array = new_ref(a, 0);
    frame = saved;
    return array;
}

void jv_set_element(jobject array, int index, jobject value) {
    jobj *o = harness_deref(array);
    if (o != NULL && o->kind == K_ARRAY && o->elementType == 'L' && index >= 0 &&
        index < o->length) {
        ((jobj **)o->data)[index] = harness_deref(value);
    }
}

const char *jv_class_name(jobject object) {
    jobj *o = harness_deref(object);
    return o == NULL ? NULL : o->kind == K_CLASS ? "java/lang/Class" : o->cls->name;
}

int jv_array_length(jobject array) {
    jobj *o = harness_deref(array);
    return o != NULL && o->kind == K_ARRAY ? o->length : -1;
}

void *jv_array_data(jobject array, char elementType) {
    jobj *o = harness_deref(array);
    return o != NULL && o->kind == K_ARRAY && o->elementType == elementType ? o->data : NULL;
}

jobject jv_array_element(jobject array, int index) {
    jobj *o = harness_deref(array);
    if (o == NULL || o->kind != K_ARRAY || o->elementType != 'L' || index < 0 ||
        index >= o->length) {
        return NULL;
    }
    int saved = frame;
    frame = 0;
    jobject element = new_ref(((jobj **)o->data)[index], 0);
    frame = saved;
    return element;
}

const WCHAR *jv_string(jobject string, int *length) {
    jobj *o = harness_deref(string);
    if (o == NULL || o->kind != K_STRING) {
        *length = 0;
        return NULL;
    }
    *length = o->length;
    return o->units;
}

const char *jv_ctor_signature(jobject object) {
    jobj *o = harness_deref(object);
    return o != NULL && o->kind == K_OBJECT && o->ctor != NULL ? o->ctor->signature : NULL;
}

LONGLONG jv_ctor_int(jobject object, int index) {
    jobj *o = harness_deref(object);
    return o != NULL && o->kind == K_OBJECT && index >= 0 && index < o->argCount
               ? o->intArgs[index]
               : 0;
}

jobject jv_ctor_object(jobject object, int index) {
    jobj *o = harness_deref(object);
    if (o == NULL || o->kind != K_OBJECT || index < 0 || index >= o->argCount) {
        return NULL;
    }
    int saved = frame;
    frame = 0;
    jobject arg = new_ref(o->objectArgs[index], 0);
    frame = saved;
    return arg;
}

jstring jv_thrown_message(jobject object) {
    jobj *o = harness_deref(object);
    if (o == NULL || o->kind != K_OBJECT) {
        return NULL;
    }
    int saved = frame;
    frame = 0;
    jstring message = (jstring)new_ref(o->message, 0);
    frame = saved;
    return message;
}

int jni_global_count(void) {
    return globals;
}

void jni_print_usage(void) {
    out("JNI functions the DLL called:");
    for (size_t i = 0; i < ENV_SLOTS; i++) {
        if (slot_uses[i] > 0) {
            out(" %s(%u)", jni_env_slot_names[i], slot_uses[i]);
        }
    }
    out("\n");
}
