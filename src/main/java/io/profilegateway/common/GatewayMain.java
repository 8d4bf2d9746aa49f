package io.profilegateway.common;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The jar's entry point: Quarkus as usual, except that a start that fails for a setting prints one line saying what to
 * set (and no stack trace) and exits with code 1. For that, Quarkus' own "Failed to start application" log, which
 * carries the whole trace, is off in the prod profile ({@code io.quarkus.runtime.Application} in
 * application.properties); what it would have said is printed here instead, with the trace for anything unforeseen.
 */
@QuarkusMain
public class GatewayMain implements QuarkusApplication {

    public static void main(String... args) {
        Quarkus.run(GatewayMain.class, GatewayMain::exit, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        // set by Quarkus.asyncExit(code), e.g. after a refused AMI login; -1 when none was set
        return Math.max(0, ApplicationLifecycleManager.getExitCode());
    }

    private static void exit(Integer code, Throwable failure) {
        if (failure != null) {
            StartFailures.oneLine(failure).ifPresentOrElse(System.err::println, () -> {
                System.err.println("The gateway could not start: " + failure);
                failure.printStackTrace();
            });
        }
        System.exit(failure != null && code == 0 ? 1 : code);
    }
}
