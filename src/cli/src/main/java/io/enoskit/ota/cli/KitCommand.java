package io.enoskit.ota.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The kit's one executable: {@code java -jar enos-ota-kit.jar <subcommand>}.
 *
 * <p>Exit codes: 0 success; 1 a fault of the kit, or a documented rule failed ({@code conform}); 2 wrong
 * command-line usage or settings, named by their option (a value out of range, a root dir that does not exist, a
 * malformed state file or stub mapping, a base URL that is not the API); 3 the port could not be
 * opened; 4 the gateway refused the credentials ({@code conform}); 5 the target could not be judged
 * ({@code conform}: unreachable, silent or dropping connections).
 */
@Command(name = "enos-ota-kit",
        description = "Contract kit for the EnOS OTA Job API (V2.1 Create OTA Job): a stateful mock, a"
                + " conformance run and a validating proxy.",
        mixinStandardHelpOptions = true,
        version = "enos-ota-kit 0.1.0",
        subcommands = {MockCommand.class, ConformCommand.class, ProfileCommand.class, ProxyCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a fault of the kit; profile diff: the profiles differ",
            "2:wrong usage or settings, named by their option",
            "3:the port could not be opened",
            "4:conform: the gateway refused the credentials",
            "5:conform: could not judge (the target is unreachable or silent)"})
public final class KitCommand implements Runnable {
    /** Wrong usage or settings. */
    static final int EXIT_USAGE = 2;
    /** The server could not start listening. */
    static final int EXIT_PORT = 3;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        quietLibraryLogs();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof OutOfMemoryError) {
                System.err.println("enos-ota-kit: out of memory in " + thread.getName() + "; stopping.");
                Runtime.getRuntime().halt(1);
            }
            failure.printStackTrace();
        });
        System.exit(commandLine().execute(args));
    }

    /**
     * slf4j-simple's settings, unless given with -D: Jetty and WireMock talk at INFO on every start, so only their
     * warnings show and the console keeps the kit's own output; Jetty's traces of requests it cannot read (the
     * client's fault, answered with 99400) are left out, and so is json-schema-validator's warning about the
     * {@code components} keyword the spec validator adds to each schema it checks (for {@code $ref}s, on purpose).
     */
    static void quietLibraryLogs() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.enoskit", "info");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty.server.HttpChannel", "error");
        System.getProperties().putIfAbsent(
                "org.slf4j.simpleLogger.log.com.networknt.schema.keyword.UnknownKeywordFactory", "error");
    }

    /** The command line with the kit's exception-to-exit-code mapping. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KitCommand());
        commandLine.setExitCodeExceptionMapper(KitCommand::exitCode);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(KitCommand::usageError);
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            cl.getErr().println(cl.getColorScheme().errorText("error: " + describe(ex)));
            return exitCode(ex);
        });
        return commandLine;
    }

    /**
     * A usage error in a few lines, not the whole help: {@code error: <what is wrong, naming the option>}, picocli's
     * suggestions for a mistyped option ({@code Possible solutions: --port}), and where the help is.
     *
     * @return {@link #EXIT_USAGE}
     */
    static int usageError(ParameterException wrong, String[] args) {
        CommandLine command = wrong.getCommandLine();
        ParameterException shown = wrong;
        // picocli checks required options before unknown ones, so "--base-urll URL" would only be reported as
        // --base-url missing; the mistyped option is the thing to fix
        if (wrong instanceof MissingParameterException && !command.getUnmatchedArguments().isEmpty()) {
            shown = new UnmatchedArgumentException(command, command.getUnmatchedArguments());
        }
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText("error: " + shown.getMessage()));
        List<String> near = shown instanceof UnmatchedArgumentException unmatched
                ? nearOptions(command.getCommandSpec(), unmatched.getUnmatched()) : List.of();
        if (near.isEmpty()) {
            UnmatchedArgumentException.printSuggestions(shown, err);
        } else {
            err.println("Possible solutions: " + String.join(", ", near));
        }
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options and their"
                + " ranges.");
        err.flush();
        return EXIT_USAGE;
    }

    /**
     * The options of {@code command} within two edits (a letter added, dropped or changed) of a mistyped one, the
     * nearest first: {@code --prot} means {@code --port}, where picocli, which matches the first letters, offers
     * {@code --profile}. Empty when none is that near; picocli's suggestions are shown then.
     */
    static List<String> nearOptions(CommandSpec command, List<String> unmatched) {
        LevenshteinDistance distance = new LevenshteinDistance(2);
        return unmatched.stream()
                .filter(arg -> arg.startsWith("-"))
                .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
                .flatMap(typed -> command.options().stream()
                        .map(OptionSpec::longestName)
                        .filter(name -> distance.apply(typed, name) >= 0)
                        .sorted(Comparator.comparingInt((String name) -> distance.apply(typed, name))
                                .thenComparing(Comparator.naturalOrder())))
                .distinct()
                .toList();
    }

    /** The failure in words, without class names: the root cause's message, with a hint for a busy port. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof IllegalArgumentException)) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.toString();
        if (exitCode(failure) == EXIT_PORT) {
            return "cannot listen: " + message + " (is the port in use, or the address not this machine's?"
                    + " --port 0 picks a free port)";
        }
        return message;
    }

    private static int exitCode(Throwable failure) {
        if (failure instanceof IllegalArgumentException || failure instanceof CommandLine.ParameterException) {
            return EXIT_USAGE;
        }
        if (failure.getClass().getSimpleName().equals("FatalStartupException")) {
            return EXIT_PORT;
        }
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (try: mock)");
    }
}
