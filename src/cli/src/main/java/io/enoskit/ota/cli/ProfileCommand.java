package io.enoskit.ota.cli;

import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.ProfileException;
import io.enoskit.ota.profile.ProfileLayer;
import io.enoskit.ota.profile.Setting;
import io.enoskit.ota.profile.SettingValue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code profile}: behaviour profiles as a person reads them: {@code profile diff A B} says what two profiles set
 * differently, {@code profile show [FILE...]} prints the profile in force when the mock stacks the given ones.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Read behaviour profiles: compare two (diff) or print the profile in force (show).",
        subcommands = {ProfileCommand.Diff.class, ProfileCommand.Show.class})
final class ProfileCommand implements Runnable {
    /** The profiles differ ({@code profile diff}). */
    static final int EXIT_DIFFERENT = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: diff or show");
    }

    /**
     * Reads a profile file or built-in name, a bad one as a usage error naming it.
     *
     * @throws ParameterException with the file, the setting and the allowed values ({@link ProfileException})
     */
    static ProfileLayer layer(CommandSpec spec, String nameOrFile) {
        try {
            return BehaviourProfile.layer(nameOrFile);
        } catch (ProfileException wrong) {
            throw new ParameterException(spec.commandLine(), "profile " + wrong.getMessage(), wrong, null,
                    nameOrFile);
        }
    }

    /** {@code profile diff A B}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Say what two profiles set differently, setting by setting: the value and source on each"
                    + " side, or that only one of them sets it. Only values count: the same value from two sources"
                    + " is no difference. A and B are profile files or built-in names (default, enos-2.2, enos-2.3,"
                    + " enos-2.4, enos-3.0); each is compared as written, not stacked on the default profile."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the profiles set the same values", "1:they differ (the lines say where)",
                "2:a profile cannot be read or is not a valid profile (named, with the setting and allowed values)"})
    static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "A", description = "A profile file or built-in name.")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "Another profile file or built-in name.")
        String b;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ProfileLayer left = layer(spec, a);
            ProfileLayer right = layer(spec, b);
            List<String> lines = differences(left, right, a, b);
            PrintWriter out = spec.commandLine().getOut();
            if (lines.isEmpty()) {
                out.println("A " + a + " and B " + b + " set the same values (" + left.settings().size()
                        + " settings).");
            } else {
                out.println(lines.size() + " settings differ between A " + a + " and B " + b + ":");
                lines.forEach(line -> out.println("  " + line));
            }
            out.flush();
            return lines.isEmpty() ? 0 : EXIT_DIFFERENT;
        }

        /** One line per setting whose value differs, in catalogue order. */
        static List<String> differences(ProfileLayer left, ProfileLayer right, String a, String b) {
            List<String> lines = new ArrayList<>();
            for (Setting setting : Setting.values()) {
                SettingValue l = left.settings().get(setting);
                SettingValue r = right.settings().get(setting);
                if (l == null && r == null || l != null && r != null && l.value().equals(r.value())) {
                    continue;
                }
                if (r == null) {
                    lines.add(setting.key() + ": only in A: " + shown(l) + "; B " + b + " does not set it");
                } else if (l == null) {
                    lines.add(setting.key() + ": only in B: " + shown(r) + "; A " + a + " does not set it");
                } else {
                    lines.add(setting.key() + ": A " + shown(l) + "; B " + shown(r));
                }
            }
            return lines;
        }

        private static String shown(SettingValue value) {
            return value.text() + " (" + value.source().describe() + ")";
        }
    }

    /** {@code profile show [FILE...]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the profile in force when the mock stacks the given profiles on the default one"
                    + " (later ones override earlier ones), a line per setting with its value, source and the profile"
                    + " that set it.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:printed", "2:a profile cannot be read or is not a valid profile (named)"})
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "0..*",
                description = "Profile files or built-in names, stacked in order (none: the default profile).")
        List<String> names = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            BehaviourProfile profile = BehaviourProfile.defaults();
            for (String name : names) {
                profile = profile.with(layer(spec, name));
            }
            spec.commandLine().getOut().print(profile.describe());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
