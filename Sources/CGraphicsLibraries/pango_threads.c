/* Pango's font-matching threads, replaced by one: glib's g_thread_new as Pango meets it.
 *
 * Pango 1.50 starts two threads for every font pattern a font map meets (pango_fc_patterns_new): one runs
 * FcFontSetMatch, whose result the caller waits for at once, and one FcFontSetSort, the fallback list, which
 * is needed only when a text has a character the matched font lacks. A full report meets 54 patterns: 108
 * threads made and ended (clone, an 8 MB stack mapped and unmapped, a wake-up for each match): measured, 8–10
 * ms of CPU at --jobs 1 and 8–30 ms at --jobs 2, where the threads take it from the two render workers, and
 * the matches' wake-ups leave a core idle (Benchmarks/README, "Pango's font threads made once").
 *
 * The binary exports g_thread_new (Package.swift), so Pango, which calls it through the dynamic linker, comes
 * here first (as it does to CShapeCache's hb_shape). The match runs on the calling thread, which would only
 * have waited for it; the sorts are queued to one helper thread, made once, which runs them in order. Pango
 * gets a reference to the helper as "its" thread and only ever drops it (g_thread_unref). Its results are kept
 * and waited for as before (under the pattern's own mutex and condition), so what it draws is unchanged:
 * Benchmarks/compare-outputs.sh, and GraphicsLibrariesTests.pangosFontThreadsReplacedDrawTheSame with a
 * fallback character. Any other thread, and every thread with STAPEL_PANGO_THREADS=1 in the environment, is
 * glib's own.
 *
 * Not declared in graphics_libraries.h: nothing in Stapel calls it, and glib's headers, which other C targets
 * include, declare it with glib's types. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef void *(*thread_function)(void *);

static void *(*glib_thread_new)(const char *, thread_function, void *);
static void *(*glib_thread_ref)(void *);
/* Whether Pango's threads are replaced; decided once. */
static int replacing;

/* Fallback lists waiting for the helper, first in first out. */
struct sort { thread_function function; void *data; struct sort *next; };
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t waiting = PTHREAD_COND_INITIALIZER;
static struct sort *first, *last;
/* The helper, a GThread of glib's, and the reference this file keeps to it. */
static void *helper;

static void *sort_in_order(void *unused) {
    (void)unused;
    for (;;) {
        pthread_mutex_lock(&lock);
        while (!first) pthread_cond_wait(&waiting, &lock);
        struct sort *next = first;
        first = next->next;
        if (!first) last = NULL;
        pthread_mutex_unlock(&lock);
        next->function(next->data);
        free(next);
    }
    return NULL;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

/* glib is loaded by the time anyone calls g_thread_new (it is, or a library loaded with it is, the caller);
 * its own g_thread_new is found in it, not through the global scope, where this one comes first. */
static void start(void) {
    void *glib = dlopen("libglib-2.0.so.0", RTLD_LAZY | RTLD_NOLOAD);
    if (glib) {
        glib_thread_new = (void *(*)(const char *, thread_function, void *))dlsym(glib, "g_thread_new");
        glib_thread_ref = (void *(*)(void *))dlsym(glib, "g_thread_ref");
    }
    const char *setting = getenv("STAPEL_PANGO_THREADS");
    replacing = glib_thread_new && glib_thread_ref && !(setting && strcmp(setting, "1") == 0);
    if (replacing) {
        helper = glib_thread_new("[stapel] fonts", sort_in_order, NULL);
        replacing = helper != NULL;
    }
}

void *g_thread_new(const char *name, thread_function function, void *data) {
    pthread_once(&once, start);
    if (replacing && name) {
        if (strcmp(name, "[pango] FcFontSetMatch") == 0) {
            function(data);
            return glib_thread_ref(helper);
        }
        struct sort *item = strcmp(name, "[pango] FcFontSetSort") == 0 ? malloc(sizeof *item) : NULL;
        if (item) {
            item->function = function;
            item->data = data;
            item->next = NULL;
            pthread_mutex_lock(&lock);
            if (last) last->next = item; else first = item;
            last = item;
            pthread_cond_signal(&waiting);
            pthread_mutex_unlock(&lock);
            return glib_thread_ref(helper);
        }
    }
    /* Without glib's own (impossible while glib calls in), there is no thread to make. */
    return glib_thread_new ? glib_thread_new(name, function, data) : NULL;
}
