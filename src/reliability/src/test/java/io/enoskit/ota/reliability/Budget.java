package io.enoskit.ota.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A property's number of tries in each {@link Mode} (jqwik's {@code tries} can only be a constant in
 * {@code @Property}; {@link BudgetHook} sets it from this before the property runs).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Budget {
    int shortTries();

    int fullTries();
}
