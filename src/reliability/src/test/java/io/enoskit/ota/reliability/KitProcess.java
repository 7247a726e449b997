package io.enoskit.ota.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fat jar ({@code src/cli/target/enos-ota-kit.jar}, packaged by the cli module before this one runs) started as a
 * separate process: {@code java [jvm options] -jar enos-ota-kit.jar mock --port 0 ...}. Its port is read from the
 * banner line "listening on http://127.0.0.1:PORT". Stopped (by its own handle, never by name) on close.
 */
final class KitProcess implements AutoCloseable {
    private static final Pattern BANNER = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private final Process process;
    private final int port;
    private final List<String> output = new ArrayList<>();

    private KitProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("reliability.kitJar", "../cli/target/enos-ota-kit.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the fat jar " + jar.toAbsolutePath() + " is missing: build it with"
                    + " mvn -B -ntp -DskipTests package (or run this module through the reactor)");
        }
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What {@code mock --help} prints. */
    static String mockHelp() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(), "-jar", jar().toString(), "mock", "--help").redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return text;
    }

    static KitProcess start(List<String> jvmOptions, List<String> mockOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.add("mock");
        command.add("--port=0");
        command.addAll(mockOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> seen = new ArrayList<>();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
            Matcher m = BANNER.matcher(line);
            if (m.find()) {
                KitProcess kit = new KitProcess(process, Integer.parseInt(m.group(1)));
                kit.output.addAll(seen);
                Thread drain = new Thread(() -> kit.drain(out), "kit-output");
                drain.setDaemon(true);
                drain.start();
                return kit;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the mock printed no banner: " + String.join("\n", seen));
    }

    private void drain(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                synchronized (output) {
                    if (output.size() < 2000) {
                        output.add(line);
                    }
                }
            }
        } catch (IOException ended) {
            // the process ended
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; true when it did within the time. */
    boolean waitForExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Resident memory of the process in KiB, from /proc (Linux), or -1. */
    long rssKib() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Used heap in KiB as the JVM reports it ({@code jcmd PID GC.heap_info}), after a full GC when asked; -1 when jcmd
     * cannot tell.
     */
    long usedHeapKib(boolean afterGc) {
        try {
            String info;
            if (afterGc) {
                // one jcmd launch for both commands
                Path commands = Files.createTempFile("jcmd", ".txt");
                Files.writeString(commands, "GC.run\nGC.heap_info\n");
                info = jcmd("-f", commands.toString());
                Files.deleteIfExists(commands);
            } else {
                info = jcmd("GC.heap_info");
            }
            return usedKib(info);
        } catch (IOException | InterruptedException e) {
            // no jcmd beside this JVM, or it failed
            return -1;
        }
    }

    /**
     * The line {@code jcmd PID VM.flags -all} prints for one flag, e.g. {@code uintx G1PeriodicGCInterval = 10000
     * {manageable} {management}} (its value and where the value came from), or "" when it prints none.
     */
    String vmFlag(String name) throws IOException, InterruptedException {
        Pattern flag = Pattern.compile("^\\s*\\S+\\s+" + Pattern.quote(name) + "\\s+=.*$", Pattern.MULTILINE);
        Matcher m = flag.matcher(jcmd("VM.flags", "-all"));
        return m.find() ? m.group().strip() : "";
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IOException(jcmd + " is missing");
        }
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid())));
        line.addAll(List.of(command));
        return run(line.toArray(String[]::new));
    }

    /**
     * The used heap in {@code jcmd GC.heap_info}'s output, in KiB: the heap line's {@code used} (G1 before JDK 23:
     * {@code garbage-first heap   total 131072K, used 23456K}; since: {@code total reserved 6172672K, committed
     * 69632K, used 42840K}), else the sum of each generation's; -1 when the output has none.
     */
    static long usedKib(String heapInfo) {
        Matcher heap = Pattern.compile("heap\\s+total\\s+[^\\n]*?\\bused\\s+(\\d+)K").matcher(heapInfo);
        if (heap.find()) {
            return Long.parseLong(heap.group(1));
        }
        long sum = 0;
        boolean found = false;
        Matcher generation = Pattern.compile("total\\s+[^\\n]*?\\bused\\s+(\\d+)K").matcher(heapInfo);
        while (generation.find()) {
            sum += Long.parseLong(generation.group(1));
            found = true;
        }
        return found ? sum : -1;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return text;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
