package dk.region.medcom.gateway.journal;

import java.sql.SQLException;
import java.util.Collection;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * A route's journal writes could not be committed. The database's own message is not kept: it may
 * quote the values it refused (H2 does: {@code Value too long for column ...: '...'}), and this
 * exception is logged by Camel and the broker client. It names the cause by class, SQLState and the
 * gateway's own source line it came through.
 *
 * <p>Permanent when the database refused the data itself (a constraint, a value too long: SQLState
 * classes 22 and 23): trying again can never succeed, so the message is quarantined on its next
 * delivery instead. Anything else (the database down, a timeout) may pass and is redelivered. So
 * may a duplicate key (SQLState 23505): every insert of the gateway's checks for the row first, so
 * only a concurrent writer can have taken the key (the other node, or an HTTP request's commit of
 * the message's row while the pipeline takes it from the queue), and the redelivery finds its row.
 */
public final class JournalWriteFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;
    private final transient Collection<String> trackingIds;

    JournalWriteFailed(String message, boolean permanent, Collection<String> trackingIds) {
        super(message);
        this.permanent = permanent;
        this.trackingIds = trackingIds;
    }

    static JournalWriteFailed of(Throwable cause, Collection<String> trackingIds) {
        if (cause instanceof JournalWriteFailed already) {
            return already;
        }
        String sqlState = sqlState(cause);
        boolean raced = cause instanceof DuplicateKeyException || "23505".equals(sqlState);
        boolean permanent = !raced && (cause instanceof DataIntegrityViolationException
                || sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23")));
        return new JournalWriteFailed("the journal " + (permanent ? "refused" : "could not commit")
                + " the writes for " + trackingIds + " (" + cause.getClass().getSimpleName()
                + (sqlState == null ? "" : ", SQLState " + sqlState) + origin(cause) + ")", permanent, trackingIds);
    }

    /** The root cause's class and the gateway's own line it came through: enough to find it, no message. */
    private static String origin(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = "";
        for (StackTraceElement frame : root.getStackTrace()) {
            if (frame.getClassName().startsWith("dk.region.medcom.")) {
                where = " at " + frame.getFileName() + ":" + frame.getLineNumber();
                break;
            }
        }
        return root == cause ? where : ", caused by " + root.getClass().getSimpleName() + where;
    }

    /** The database refused the data: writing it again can never succeed. */
    public boolean permanent() {
        return permanent;
    }

    Collection<String> trackingIds() {
        return trackingIds;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().replaceAll("[^0-9A-Z]", "");
            }
        }
        return null;
    }
}
