package io.enoskit.ota.bench;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;

/**
 * The mock on a given port until the process is ended: the server {@code BenchSmokeTest} has {@code
 * bench/ColdClient.java} launch (the fat jar, which {@code bench/run.sh} launches, is built after this module's
 * tests). Usage: {@code ServeMock <port>}.
 */
public final class ServeMock {
    private ServeMock() {
    }

    public static void main(String[] args) throws InterruptedException {
        OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().port(Integer.parseInt(args[0])));
        Runtime.getRuntime().addShutdownHook(new Thread(mock::close));
        Thread.currentThread().join();
    }
}
