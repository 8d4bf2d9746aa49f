package io.profilegateway.pbx.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The AMI simulator as a process of its own, for the image build's AOT training run (docker/aot-training.sh), where a
 * gateway in the prod profile needs an Asterisk to talk to:
 * {@code java -cp quarkus-app/app/'*' io.profilegateway.pbx.simulator.SimulatorMain PORT USER SECRET}. It accepts any
 * queue and runs until it is killed. Never part of a gateway's own start.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String... args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SimulatorMain PORT USER SECRET");
            System.exit(2);
        }
        AmiSimulator simulator = new AmiSimulator(AmiSimulatorConfig.builder().port(Integer.parseInt(args[0]))
                .user(args[1], args[2]).acceptAnyQueue().authFailureDelay(Duration.ZERO).build()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop));
        new CountDownLatch(1).await();
    }
}
