/* Cairo, Pango and the libraries around them, loaded on first use (see graphics_libraries.h).
 *
 * Each function in graphics_symbols.h gets a trampoline of the same name, hidden inside the binary, so the
 * calls Swift and the C targets make bind to it when the binary is linked; nothing links against the libraries
 * themselves (Package.swift), so the binary records no dependency on them. A trampoline jumps through its slot in a table; every slot starts
 * at the resolver, which saves the argument registers, loads the libraries once (dlopen, dlsym), fills the
 * table and jumps on to the real function with the registers as the caller left them. After that a call
 * costs one indirect jump. The libraries are opened RTLD_LOCAL: the binary's own hb_shape (CShapeCache)
 * still comes first for Pango's calls, as the executable is first in the global scope.
 *
 * On x86-64 and AArch64 Linux (ELF). The AArch64 code was assembled (clang --target=aarch64-linux-gnu) but has
 * not run: the machines Stapel is built and tested on here are x86-64. */
#define _GNU_SOURCE   /* gettid */
#include "graphics_libraries.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#if !defined(__linux__) || !defined(__ELF__) || !(defined(__x86_64__) || defined(__aarch64__))
#error "Stapel loads Cairo and Pango through trampolines written for x86-64 and AArch64 Linux only"
#endif

enum library { CAIRO, PANGO, PANGOCAIRO, FONTCONFIG, HARFBUZZ, GOBJECT, PNG, ISAL, LIBRARY_COUNT };

/* The soname the loader asks for, and the Debian package that installs it (for the error message). */
static const struct { const char *soname; const char *package; } libraries[LIBRARY_COUNT] = {
    [CAIRO] = {"libcairo.so.2", "libcairo2"},
    [PANGO] = {"libpango-1.0.so.0", "libpango-1.0-0"},
    [PANGOCAIRO] = {"libpangocairo-1.0.so.0", "libpangocairo-1.0-0"},
    [FONTCONFIG] = {"libfontconfig.so.1", "libfontconfig1"},
    [HARFBUZZ] = {"libharfbuzz.so.0", "libharfbuzz0b"},
    [GOBJECT] = {"libgobject-2.0.so.0", "libglib2.0-0"},
    [PNG] = {"libpng16.so.16", "libpng16-16"},
    [ISAL] = {"libisal.so.2", "libisal2"},
};

enum {
#define SYMBOL(library, name) INDEX_##name,
#include "graphics_symbols.h"
#undef SYMBOL
    SYMBOL_COUNT
};

static const struct { enum library library; const char *name; } symbols[SYMBOL_COUNT] = {
#define SYMBOL(library, name) {library, #name},
#include "graphics_symbols.h"
#undef SYMBOL
};

void stapel_graphics_resolver(void) __attribute__((visibility("hidden")));
void stapel_graphics_resolve(void) __attribute__((visibility("hidden")));

/* The trampolines' slots: the resolver until the libraries are loaded, then the functions. */
__attribute__((visibility("hidden"))) void *stapel_graphics_table[SYMBOL_COUNT] = {
    [0 ... SYMBOL_COUNT - 1] = (void *)stapel_graphics_resolver,
};

/* One trampoline per function: the slot's index in a scratch register no argument uses (r11; x16, which the
 * AArch64 ABI leaves to veneers and PLT stubs), then a jump through the slot. __COUNTER__ numbers them in the
 * order of graphics_symbols.h, as the enum above does. */
#define STAPEL_STRING(x) #x
#define STAPEL_NUMBER(x) STAPEL_STRING(x)
#define STAPEL_FUNCTION(name) ".text\n.globl " #name "\n.hidden " #name "\n.type " #name ", %function\n.p2align 4\n" #name ":\n"
#define STAPEL_END(name) ".size " #name ", .-" #name "\n"
#if defined(__x86_64__)
#define TRAMPOLINE(index, name)                                                                          \
    __asm__(STAPEL_FUNCTION(name) "\tmovl $" STAPEL_NUMBER(index) ", %r11d\n"                            \
            "\tjmp *stapel_graphics_table+8*" STAPEL_NUMBER(index) "(%rip)\n" STAPEL_END(name));
#else
#define TRAMPOLINE(index, name)                                                                          \
    __asm__(STAPEL_FUNCTION(name) "\tmov x16, #" STAPEL_NUMBER(index) "\n"                               \
            "\tadrp x17, stapel_graphics_table\n\tadd x17, x17, :lo12:stapel_graphics_table\n"           \
            "\tldr x17, [x17, x16, lsl #3]\n\tbr x17\n" STAPEL_END(name));
#endif
#define SYMBOL(library, name) TRAMPOLINE(__COUNTER__, name)
#include "graphics_symbols.h"
#undef SYMBOL
_Static_assert(__COUNTER__ == SYMBOL_COUNT, "the trampolines are numbered from 0, in the order of the enum");

/* The first call of any trampoline lands here with the caller's arguments in registers and on the stack above
 * the return address. The argument registers are saved, the libraries loaded, the registers restored, and the
 * call continues in the real function, which returns to the original caller. */
#if defined(__x86_64__)
/* rdi, rsi, rdx, rcx, r8, r9, xmm0-7, and al (the vector registers a variadic call uses); the stack is 16-byte
 * aligned at the call (8 + 8 + 8 * 8 + 128 bytes below the caller's aligned stack). */
__asm__(STAPEL_FUNCTION(stapel_graphics_resolver)
        "\tpushq %rbp\n\tmovq %rsp, %rbp\n"
        "\tpushq %rdi\n\tpushq %rsi\n\tpushq %rdx\n\tpushq %rcx\n\tpushq %r8\n\tpushq %r9\n\tpushq %rax\n\tpushq %r11\n"
        "\tsubq $128, %rsp\n"
        "\tmovdqu %xmm0, 0(%rsp)\n\tmovdqu %xmm1, 16(%rsp)\n\tmovdqu %xmm2, 32(%rsp)\n\tmovdqu %xmm3, 48(%rsp)\n"
        "\tmovdqu %xmm4, 64(%rsp)\n\tmovdqu %xmm5, 80(%rsp)\n\tmovdqu %xmm6, 96(%rsp)\n\tmovdqu %xmm7, 112(%rsp)\n"
        "\tcall stapel_graphics_resolve\n"
        "\tmovdqu 0(%rsp), %xmm0\n\tmovdqu 16(%rsp), %xmm1\n\tmovdqu 32(%rsp), %xmm2\n\tmovdqu 48(%rsp), %xmm3\n"
        "\tmovdqu 64(%rsp), %xmm4\n\tmovdqu 80(%rsp), %xmm5\n\tmovdqu 96(%rsp), %xmm6\n\tmovdqu 112(%rsp), %xmm7\n"
        "\taddq $128, %rsp\n"
        "\tpopq %r11\n\tpopq %rax\n\tpopq %r9\n\tpopq %r8\n\tpopq %rcx\n\tpopq %rdx\n\tpopq %rsi\n\tpopq %rdi\n"
        "\tpopq %rbp\n"
        "\tleaq stapel_graphics_table(%rip), %r10\n\tjmpq *(%r10,%r11,8)\n"
        STAPEL_END(stapel_graphics_resolver));
#else
/* x0-x7, x8 (where a large result goes), q0-q7, and the index in x16; frame record first, 16-byte aligned. */
__asm__(STAPEL_FUNCTION(stapel_graphics_resolver)
        "\tstp x29, x30, [sp, #-16]!\n\tmov x29, sp\n\tsub sp, sp, #208\n"
        "\tstp x0, x1, [sp, #0]\n\tstp x2, x3, [sp, #16]\n\tstp x4, x5, [sp, #32]\n\tstp x6, x7, [sp, #48]\n"
        "\tstp x8, x16, [sp, #64]\n"
        "\tstp q0, q1, [sp, #80]\n\tstp q2, q3, [sp, #112]\n\tstp q4, q5, [sp, #144]\n\tstp q6, q7, [sp, #176]\n"
        "\tbl stapel_graphics_resolve\n"
        "\tldp q0, q1, [sp, #80]\n\tldp q2, q3, [sp, #112]\n\tldp q4, q5, [sp, #144]\n\tldp q6, q7, [sp, #176]\n"
        "\tldp x8, x16, [sp, #64]\n"
        "\tldp x0, x1, [sp, #0]\n\tldp x2, x3, [sp, #16]\n\tldp x4, x5, [sp, #32]\n\tldp x6, x7, [sp, #48]\n"
        "\tadd sp, sp, #208\n\tldp x29, x30, [sp], #16\n"
        "\tadrp x17, stapel_graphics_table\n\tadd x17, x17, :lo12:stapel_graphics_table\n"
        "\tldr x17, [x17, x16, lsl #3]\n\tbr x17\n"
        STAPEL_END(stapel_graphics_resolver));
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
/* Empty when the libraries are loaded; otherwise what went wrong. Written once, inside `once`. */
static char failure[600];

static void load(void) {
    void *handles[LIBRARY_COUNT];
    for (int i = 0; i < LIBRARY_COUNT; i++) {
        handles[i] = dlopen(libraries[i].soname, RTLD_LAZY | RTLD_LOCAL);
        if (!handles[i]) {
            const char *why = dlerror();
            snprintf(failure, sizeof failure,
                     "cannot load %s, which Stapel draws its charts with (install the Debian package %s): %s",
                     libraries[i].soname, libraries[i].package, why ? why : "unknown error");
            return;
        }
    }
    void *functions[SYMBOL_COUNT];
    for (int i = 0; i < SYMBOL_COUNT; i++) {
        dlerror();
        functions[i] = dlsym(handles[symbols[i].library], symbols[i].name);
        if (!functions[i]) {
            snprintf(failure, sizeof failure, "%s (from the Debian package %s) has no function %s: it is older than Stapel needs",
                     libraries[symbols[i].library].soname, libraries[symbols[i].library].package, symbols[i].name);
            return;
        }
    }
    /* Only now, all at once: a slot either still leads to the resolver, which waits in pthread_once, or to
     * its function. Each store is one aligned pointer. */
    for (int i = 0; i < SYMBOL_COUNT; i++) __atomic_store_n(&stapel_graphics_table[i], functions[i], __ATOMIC_RELEASE);
    /* Fontconfig's configuration too, which its first caller would otherwise read (every configuration file
     * and cache, about 5 ms): whoever draws needs it, and on the background thread it is read beside planning.
     * Inside `once`, so that a thread asking for the libraries meanwhile waits for it rather than reading a
     * second configuration alongside (fontconfig keeps whichever is made first). A failure here is not one:
     * fontconfig's users report it where it matters (FontFiles, Pango's fallback font). */
    ((int (*)(void))functions[INDEX_FcInit])();
}

int stapel_graphics_load(char *message, size_t size) {
    pthread_once(&once, load);
    if (failure[0] == '\0') return 0;
    if (message && size) snprintf(message, size, "%s", failure);
    return -1;
}

static void *load_in_background(void *unused) {
    (void)unused;
    /* Below the planning threads: where they take both cores (with --jobs 2), the load waits for a core rather
     * than slowing them; it is done before the first chart needs it either way. */
    (void)setpriority(PRIO_PROCESS, (id_t)gettid(), 5);
    pthread_once(&once, load);
    return NULL;
}

void stapel_graphics_preload(void) {
    pthread_attr_t attributes;
    pthread_t thread;
    if (pthread_attr_init(&attributes) != 0) return;
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    /* Without a thread, the first load() or drawing call loads the libraries itself. */
    (void)pthread_create(&thread, &attributes, load_in_background, NULL);
    pthread_attr_destroy(&attributes);
}

/* Called from the resolver: a drawing function was called before (or without) stapel_graphics_load
 * succeeding. There is no way to fail that call, so a missing library ends the process with the reason. */
void stapel_graphics_resolve(void) {
    pthread_once(&once, load);
    if (failure[0] == '\0') return;
    dprintf(STDERR_FILENO, "error: %s\n", failure);
    _exit(1);
}
