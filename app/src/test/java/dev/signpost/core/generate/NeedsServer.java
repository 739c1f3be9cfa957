package dev.signpost.core.generate;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A property that needs a real web server: skipped, with the reason shown, when that server is not installed.
 * jqwik counts an aborted try as a rejected one and a property with only rejected tries as failed, so the check
 * runs before the property, as a lifecycle hook ({@code @AddLifecycleHook(NeedsServer.Check.class)}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface NeedsServer {

    /** The server the property starts. */
    Class<? extends RealServer> value();

    /** Skips the property when its server's program is missing. */
    final class Check implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return context.findAnnotation(NeedsServer.class).map(needs -> {
                RealServer server = RealServer.create(needs.value());
                return server.executable() == null
                        ? SkipResult.skip(server.binary + " is not installed: property skipped (CI installs it)")
                        : SkipResult.doNotSkip();
            }).orElse(SkipResult.doNotSkip());
        }
    }
}
