package io.enoskit.ota.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** What the subcommands' options share: URL conversion, the report folder check, a builder's refusal by option. */
final class CommandOptions {
    /** A lower-case letter or digit followed by an upper-case one: where camel case gets a hyphen. */
    private static final Pattern KEBAB = Pattern.compile("([a-z0-9])([A-Z])");

    /** Where {@code conform} and {@code proxy} write their reports by default. */
    static final String REPORT_DIR = "conformance-report";
    /** The connect and read timeout of {@code conform}'s calls and {@code proxy}'s forwards by default, seconds. */
    static final String TIMEOUT_SECONDS = "30";

    private CommandOptions() {
    }

    /** What is wrong with a {@code --timeout} in seconds, or null when nothing is. */
    static String timeoutProblem(int seconds) {
        return seconds < 1 ? "--timeout must be at least 1 second, was " + seconds : null;
    }

    /**
     * An http or https URL with a host and neither query nor fragment (the kit adds the API's paths to it); what is
     * wrong with another is said in {@link URI}'s terms.
     */
    static final class BaseUrlConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String why;
            try {
                URI url = new URI(value);
                why = url.getScheme() == null ? "it has no scheme"
                        : !url.getScheme().equalsIgnoreCase("http") && !url.getScheme().equalsIgnoreCase("https")
                        ? "its scheme is " + url.getScheme()
                        : url.getHost() == null ? "it names no host"
                        : url.getRawQuery() != null || url.getRawFragment() != null
                        ? "it has a query or a fragment, which the API's paths cannot follow"
                        : null;
            } catch (URISyntaxException notAUri) {
                why = notAUri.getReason() + (notAUri.getIndex() < 0 ? "" : " at index " + notAUri.getIndex());
            }
            if (why != null) {
                throw new TypeConversionException("'" + value + "' is not an http or https URL such as"
                        + " https://apigw.example.com: " + why);
            }
            return value;
        }
    }

    /**
     * Creates the report dir now, so a dir the kit cannot write to stops the run before the target is called rather
     * than after every scenario ran.
     *
     * @throws ParameterException naming the option and what the file system said
     */
    static void writableDir(CommandSpec spec, String option, Path dir) {
        String rule = option + " must be a folder the kit can write to: " + dir;
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException refused) {
            throw new ParameterException(spec.commandLine(), rule + " cannot be created (" + why(refused, dir) + ")",
                    refused, spec.findOption(option), dir.toString());
        } catch (IOException failed) {
            throw new ParameterException(spec.commandLine(), rule + " cannot be created (" + failed.getMessage()
                    + ")", failed, spec.findOption(option), dir.toString());
        }
        if (!Files.isWritable(dir)) {
            throw new ParameterException(spec.commandLine(), rule + " cannot be written to (Permission denied)");
        }
    }

    /**
     * Checks before a run that a file the run will write (a profile) can be written: its folder exists or can be
     * made, the file is not a folder and, if it exists, is writable; so a wrong path costs no run.
     *
     * @throws ParameterException naming the option and why
     */
    static void writableFile(CommandSpec spec, String option, Path file) {
        Path absolute = file.toAbsolutePath();
        String why = Files.isDirectory(absolute) ? "it is a folder"
                : Files.exists(absolute) && !Files.isWritable(absolute) ? "Permission denied" : null;
        if (why == null) {
            try {
                Files.createDirectories(absolute.getParent());
                why = Files.isWritable(absolute.getParent()) ? null : "its folder cannot be written to";
            } catch (FileSystemException refused) {
                why = "its folder cannot be created: " + why(refused, null);
            } catch (IOException refused) {
                why = "its folder cannot be created: " + refused.getMessage();
            }
        }
        if (why != null) {
            throw new ParameterException(spec.commandLine(), option + " must be a file the kit can write: " + file
                    + " (" + why + ")", null, spec.findOption(option), file.toString());
        }
    }

    /** What the file system refused, in its words, with the file it refused when that is not {@code dir}. */
    private static String why(FileSystemException refused, Path dir) {
        String reason = refused.getReason() != null ? refused.getReason()
                : refused instanceof NoSuchFileException ? "No such file or directory"
                : refused instanceof FileAlreadyExistsException ? "it is a file"
                : refused instanceof AccessDeniedException ? "Permission denied"
                : refused.getClass().getSimpleName();
        String where = refused.getFile() == null || dir != null && refused.getFile().equals(dir.toString()) ? ""
                : refused.getFile() + ": ";
        return where + reason;
    }

    /**
     * A builder's refusal under the option's name: {@code --max-body-bytes must be ...} for the setting
     * {@code maxBodyBytes} (each option is named after the builder method it feeds, in kebab case); the builder's
     * own words when no option is so named.
     */
    static ParameterException refusal(CommandSpec spec, String setting, String rule, IllegalArgumentException refused) {
        String name = "--" + KEBAB.matcher(setting).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
        OptionSpec option = spec.findOption(name);
        return new ParameterException(spec.commandLine(), option == null ? refused.getMessage() : name + " " + rule,
                refused, option, null);
    }
}
