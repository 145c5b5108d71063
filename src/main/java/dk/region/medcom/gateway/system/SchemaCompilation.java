package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.validate.MessageValidator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Compiles every schema of the validator on a thread of its own while Spring creates the other
 * beans (start-up is otherwise single-threaded, and the machine has a second core), then waits for
 * it once all singletons exist: a broken schema pack still fails start-up before the routes start,
 * never at the first message.
 */
final class SchemaCompilation implements SmartInitializingSingleton {

    private final CompletableFuture<Void> done;

    SchemaCompilation(MessageValidator validator) {
        done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                validator.compileAllSchemas();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "schema-compilation");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
