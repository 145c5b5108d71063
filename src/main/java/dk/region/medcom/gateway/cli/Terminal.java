package dk.region.medcom.gateway.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Where the verbs print: the process's standard output and error unless a test redirected them.
 * Verbs never write to {@code System.out} themselves: the log (Logback's console appender) writes
 * there too, from any thread, and a test capturing {@code System.out} caught other tests' log lines.
 */
final class Terminal {

    private static volatile PrintStream redirectedOut;
    private static volatile PrintStream redirectedErr;

    private Terminal() {
    }

    /** Standard output as bytes (translate and quarantine show print messages byte for byte). */
    static PrintStream out() {
        PrintStream out = redirectedOut;
        return out != null ? out : System.out;
    }

    static PrintStream err() {
        PrintStream err = redirectedErr;
        return err != null ? err : System.err;
    }

    static PrintWriter outWriter() {
        return new PrintWriter(out(), true, Charset.defaultCharset());
    }

    static PrintWriter errWriter() {
        return new PrintWriter(err(), true, Charset.defaultCharset());
    }

    /** For tests: the verbs print into these until {@link #restore()}. */
    static void redirect(PrintStream out, PrintStream err) {
        redirectedOut = out;
        redirectedErr = err;
    }

    static void restore() {
        redirect(null, null);
    }
}
