package io.enoskit.ota.reliability;

import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets each property's tries from its {@link Budget} and the {@link Mode}, and files one line per property: its
 * outcome, the tries it took, and when it failed the smallest failing input jqwik's shrinking found.
 */
public class BudgetHook implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property)
            throws Throwable {
        Optional<Budget> budget = context.findAnnotation(Budget.class);
        budget.ifPresent(b -> context.attributes().setTries(Mode.full() ? b.fullTries() : b.shortTries()));
        long start = System.nanoTime();
        PropertyExecutionResult result = property.execute();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        StringBuilder line = new StringBuilder();
        line.append(String.format("%-44s %-10s tries %5d  %3d s", context.targetMethod().getName(),
                result.status(), result.countTries(), seconds));
        result.throwable().ifPresent(t -> {
            line.append("\n    ").append(firstLines(t.getMessage(), 4));
            result.shrunkSample().ifPresent(s -> line.append("\n    smallest input (after ").append(s.countShrinkingSteps())
                    .append(" shrinking steps): ").append(firstLines(String.valueOf(s.parameters()), 6)));
        });
        Tally.report("malformed-requests.txt", line.toString());
        return result;
    }

    private static String firstLines(String text, int n) {
        if (text == null) {
            return "";
        }
        String[] lines = text.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(n, lines.length); i++) {
            String l = lines[i].length() > 600 ? lines[i].substring(0, 600) + "…" : lines[i];
            out.append(i == 0 ? "" : "\n    ").append(l);
        }
        return out.toString();
    }

    @Override
    public int aroundPropertyProximity() {
        return -10;
    }
}
