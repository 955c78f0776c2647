package io.barfeed.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * On a settings record: its whole-number component {@code value} may be at most its component {@code max} (a
 * maximum that is a setting itself, barfeed.alpaca.max-page-limit). A bad value is reported on {@code value}'s own
 * key, with its value and where it was set.
 */
@Documented
@Constraint(validatedBy = AtMost.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AtMost {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The component limited. */
    String value();

    /** The component that is its maximum. */
    String max();

    /** Reads both components and names the one limited. */
    final class Validator implements ConstraintValidator<AtMost, Record> {

        private String value;
        private String max;

        @Override
        public void initialize(AtMost annotation) {
            value = annotation.value();
            max = annotation.max();
        }

        @Override
        public boolean isValid(Record settings, ConstraintValidatorContext context) {
            if (settings == null) {
                return true;
            }
            long limited = number(settings, value);
            long most = number(settings, max);
            if (limited <= most) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must be less than or equal to " + most + " (" + KnownSettings.dashed(max) + ")")
                    .addPropertyNode(value)
                    .addConstraintViolation();
            return false;
        }

        private static long number(Record settings, String name) {
            try {
                for (RecordComponent component : settings.getClass().getRecordComponents()) {
                    if (component.getName().equals(name)) {
                        return ((Number) component.getAccessor().invoke(settings)).longValue();
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name + " of " + settings, e);
            }
            throw new IllegalArgumentException(settings.getClass() + " has no " + name);
        }
    }
}
