// Wrappers for libedit's variadic calls (el_set, el_get, history), which Swift cannot call, and for the C
// standard streams, which Swift 6 strict concurrency rejects as globals.
#ifndef MINUTES_CEDITLINE_SHIM_H
#define MINUTES_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <wchar.h>
#include <poll.h>
#include <termios.h>
#include <sys/ioctl.h>

typedef char *(*minutes_prompt_fn)(EditLine *);
typedef unsigned char (*minutes_key_fn)(EditLine *, int);
/// Called before libedit reads a key: `reason` 0 when no input is waiting (the line is to be drawn), 3 when input is
/// waiting (typed ahead, or the rest of a key's sequence: the line is drawn once it has been read), 1 after a
/// resize, 2 after the process was continued (Ctrl-Z, fg). The reader draws the line itself (see minutes_el_init).
typedef void (*minutes_draw_fn)(EditLine *, int reason);
static minutes_draw_fn minutes_draw = NULL;
static inline void minutes_set_draw(minutes_draw_fn fn) { minutes_draw = fn; }

static int minutes_read_char(EditLine *el, wchar_t *cp);

/// Makes LC_CTYPE a UTF-8 one: the environment's when it is UTF-8, else C.UTF-8. Returns 1 when UTF-8 is set.
static inline int minutes_ensure_utf8_ctype(void) {
  setlocale(LC_CTYPE, "");
  const char *codeset = nl_langinfo(CODESET);
  if (codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
  if (setlocale(LC_CTYPE, "C.UTF-8")) return 1;
  return setlocale(LC_CTYPE, "en_US.UTF-8") != NULL;
}

/// The editor, with libedit's own drawing sent to /dev/null: its refresh draws wide and combining characters wrong
/// (refresh.c: re_putc writes a combining mark over its base's cell, re_fastputc counts it as a cell, and the
/// fast paths of re_update_line and terminal_move_to_char step into the second half of a wide character), so the
/// reader draws the prompt and the line itself before each key is read. The terminal is still libedit's: it
/// reads keys and sets the modes through file descriptors 0 and 1.
static inline EditLine *minutes_el_init(const char *program) {
  FILE *quiet = fopen("/dev/null", "w");
  if (quiet == NULL) return el_init(program, stdin, stdout, stderr);
  return el_init_fd(program, stdin, quiet, stderr, fileno(stdin), fileno(stdout), fileno(stderr));
}

/// Whether a byte is waiting on standard input (typed ahead, or the rest of a key's sequence).
static inline int minutes_input_waiting(void) {
  struct pollfd fd = { .fd = 0, .events = POLLIN, .revents = 0 };
  return poll(&fd, 1, 0) > 0;
}

/// The terminal's width in columns (80 when it cannot be told).
static inline int minutes_terminal_columns(void) {
  struct winsize size;
  if (ioctl(1, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (ioctl(0, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

/// The width of one character in terminal cells, as the C library's locale says (-1: not printable).
static inline int minutes_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// The terminal's modes as they were before libedit set its own (saved by minutes_save_cooked), for an editor; and
/// libedit's, to put back after it.
struct minutes_modes { struct termios cooked, raw; int has_cooked; };
static inline struct minutes_modes *minutes_modes(void) {
  static struct minutes_modes modes;
  return &modes;
}
static inline void minutes_save_cooked(void) {
  if (tcgetattr(0, &minutes_modes()->cooked) == 0) minutes_modes()->has_cooked = 1;
}

/// Puts the terminal back in the modes it had before libedit, for a program run from a key (the editor); returns 1
/// when libedit's are to be restored with minutes_restore_modes (0 when the modes could not be read).
static inline int minutes_enter_cooked(void) {
  struct minutes_modes *modes = minutes_modes();
  if (!modes->has_cooked || tcgetattr(0, &modes->raw) != 0) return 0;
  tcsetattr(0, TCSADRAIN, &modes->cooked);
  return 1;
}
static inline void minutes_restore_modes(void) { tcsetattr(0, TCSADRAIN, &minutes_modes()->raw); }

/// Reads one byte of standard input for a key function (a paste's text); -1 at the end or on an error other than
/// a signal.
static inline int minutes_read_byte(void) {
  for (;;) {
    unsigned char byte;
    ssize_t got = read(0, &byte, 1);
    if (got == 1) return byte;
    if (got < 0 && errno == EINTR) continue;
    return -1;
  }
}

static inline void minutes_el_configure(EditLine *el, History *h, void *client, minutes_prompt_fn prompt) {
  el_set(el, EL_CLIENTDATA, client);
  el_set(el, EL_EDITOR, "emacs");
  el_set(el, EL_SIGNAL, 1);
  el_set(el, EL_HIST, history, h);
  el_set(el, EL_PROMPT, prompt);
  el_set(el, EL_GETCFN, minutes_read_char);
}

static inline void *minutes_el_client(EditLine *el) {
  void *client = NULL;
  el_get(el, EL_CLIENTDATA, &client);
  return client;
}

static inline void minutes_el_addfn(EditLine *el, const char *name, const char *help, minutes_key_fn fn) {
  el_set(el, EL_ADDFN, name, help, fn);
}

static inline void minutes_el_bind(EditLine *el, const char *key, const char *name) {
  el_set(el, EL_BIND, key, name, NULL);
}

static inline void minutes_el_source_editrc(EditLine *el) {
  el_source(el, NULL);
}

static inline void minutes_el_end(EditLine *el) {
  el_set(el, EL_EDITMODE, 0);
  el_end(el);
}

static inline History *minutes_history_init(int size) {
  History *h = history_init();
  HistEvent ev;
  history(h, &ev, H_SETSIZE, size);
  history(h, &ev, H_SETUNIQUE, 1);
  return h;
}

static inline void minutes_history_enter(History *h, const char *line) {
  HistEvent ev;
  history(h, &ev, H_ENTER, line);
}

static inline int minutes_history_load(History *h, const char *file) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, file);
}

static inline int minutes_history_save(History *h, const char *file) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, file);
}

/// SIGINT sets a flag and interrupts a blocking read (no SA_RESTART), so el_gets returns with EINTR.
static volatile sig_atomic_t minutes_interrupted = 0;

static inline void minutes_on_sigint(int signo) {
  (void)signo;
  minutes_interrupted = 1;
}

/* Set by SIGWINCH when libedit's own handler is not installed (it handles one per line read, then restores this
   one), so that minutes_read_char resizes the editor for a second resize of the window during the same line. */
static volatile sig_atomic_t minutes_resized = 0;

static inline void minutes_on_sigwinch(int signo) {
  (void)signo;
  minutes_resized = 1;
}

/* Set when the process was continued after a stop (Ctrl-Z then fg): the line is drawn again. */
static volatile sig_atomic_t minutes_continued = 0;

/// Ctrl-Z: bracketed paste off (the shell gets the terminal as it was), stop; on `fg`, paste mode on again and the
/// line redrawn. libedit's own handler has put the terminal back in its normal mode before this runs, and puts its
/// own back on SIGCONT.
static inline void minutes_on_sigtstp(int signo) {
  static const char off[] = "\033[?2004l";
  static const char on[] = "\033[?2004h";
  (void)write(1, off, sizeof off - 1);
  struct sigaction action, previous;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signo, &action, &previous);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signo);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  raise(signo);
  /* Continued. */
  sigprocmask(SIG_BLOCK, &set, NULL);
  sigaction(signo, &previous, NULL);
  (void)write(1, on, sizeof on - 1);
  minutes_continued = 1;
}

static inline void minutes_install_sigint(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = minutes_on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, NULL);
  action.sa_handler = minutes_on_sigwinch;
  sigaction(SIGWINCH, &action, NULL);
  action.sa_handler = minutes_on_sigtstp;
  sigaction(SIGTSTP, &action, NULL);
  /* A parent may have started us with SIGINT blocked (the mask is inherited across exec): unblock it. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static inline int minutes_take_interrupt(void) {
  int was = minutes_interrupted;
  minutes_interrupted = 0;
  return was;
}

/* The first byte of the line being read that was not UTF-8 (-1: none yet), and how many there were. */
static int minutes_invalid_byte = -1;
static int minutes_invalid_count = 0;
/* A byte read past a badly formed sequence, which may begin the next character (-1: none). */
static int minutes_pending_byte = -1;

/// Forgets the bad bytes of the previous line; call before each el_gets.
static inline void minutes_reset_invalid(void) {
  minutes_invalid_byte = -1;
  minutes_invalid_count = 0;
}

/// Notes bytes that are not UTF-8 found outside minutes_read_char (in a paste): the first, and how many.
static inline void minutes_note_invalid(int byte, int count) {
  if (minutes_invalid_byte < 0) minutes_invalid_byte = byte;
  minutes_invalid_count += count;
}

/// The first byte of the line just read that was not UTF-8, or -1.
static inline int minutes_first_invalid_byte(void) { return minutes_invalid_byte; }

/// How many bytes or badly formed sequences of the line just read were not UTF-8.
static inline int minutes_invalid_bytes(void) { return minutes_invalid_count; }

/// libedit's read-character function (read.c's read_char), except that a byte that is not UTF-8 becomes U+FFFD
/// on the line, so that the clerk sees where it was, and is noted for the reader to refuse the line, where
/// libedit's own discards it without a word. A read interrupted by SIGWINCH or SIGCONT goes on (libedit's handlers
/// have resized or redrawn the line; a later resize in the same line, which libedit's read_char would have re-armed
/// its handler for, is handled here with el_resize); by SIGINT (minutes_interrupted set) it ends with EINTR, as
/// libedit's does.
static int minutes_read_char(EditLine *el, wchar_t *cp) {
  char buffer[MB_LEN_MAX];
  size_t count = 0;
  for (;;) {
    unsigned char byte;
    if (minutes_pending_byte >= 0) {
      byte = (unsigned char)minutes_pending_byte;
      minutes_pending_byte = -1;
    } else {
      /* Ctrl-C while the line was being redrawn (not in this read) ends the line too, rather than waiting for a key. */
      if (minutes_interrupted) {
        errno = EINTR;
        *cp = L'\0';
        return -1;
      }
      /* Before waiting for a key (not in the middle of a character or of typed-ahead input), draw the line. */
      if (count == 0 && minutes_draw != NULL) {
        minutes_draw(el, minutes_input_waiting() ? 3 : 0);
        /* Ctrl-C during the drawing: its signal has come and gone, so read would wait for a key. */
        if (minutes_interrupted) {
          errno = EINTR;
          *cp = L'\0';
          return -1;
        }
      }
      ssize_t got = read(fileno(stdin), &byte, 1);
      if (got < 0) {
        if (errno == EINTR && !minutes_interrupted) {
          if (minutes_resized) {
            minutes_resized = 0;
            el_resize(el);
            if (count == 0 && minutes_draw != NULL) minutes_draw(el, 1);
          }
          if (minutes_continued) {
            minutes_continued = 0;
            if (count == 0 && minutes_draw != NULL) minutes_draw(el, 2);
          }
          continue;
        }
        *cp = L'\0';
        return -1;
      }
      if (got == 0) {
        if (count > 0) {
          if (minutes_invalid_byte < 0) minutes_invalid_byte = (unsigned char)buffer[0];
          minutes_invalid_count++;
        }
        *cp = L'\0';
        return 0;
      }
    }
    buffer[count++] = (char)byte;
    mbstate_t state;
    memset(&state, 0, sizeof state);
    size_t result = mbrtowc(cp, buffer, count, &state);
    if (result == (size_t)-2 && count < MB_LEN_MAX) continue;  /* a sequence begun: read on */
    if (result == (size_t)-1 || result == (size_t)-2) {
      if (minutes_invalid_byte < 0) minutes_invalid_byte = (unsigned char)buffer[0];
      minutes_invalid_count++;
      /* The byte that broke a sequence may begin the next character: read it again. */
      if (count > 1) minutes_pending_byte = (unsigned char)buffer[count - 1];
      *cp = (wchar_t)0xFFFD;
      return 1;
    }
    return 1;
  }
}

static inline int minutes_errno(void) { return errno; }

static inline void minutes_write_stdout(const char *text) {
  fputs(text, stdout);
  fflush(stdout);
}


/* The history file (HistoryFile.swift): saved to an open FILE (a temporary file renamed over the history), so
   that the history's own path, which may be a symlink put there by someone else, is never opened for writing. */
static inline int minutes_history_save_fp(History *h, FILE *file) {
  HistEvent ev;
  return history(h, &ev, H_SAVE_FP, file);
}

#endif
