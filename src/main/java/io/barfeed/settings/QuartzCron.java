package io.barfeed.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.ParseException;

import org.quartz.CronExpression;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A Quartz cron expression (second minute hour day-of-month month day-of-week [year]). */
@Documented
@Constraint(validatedBy = QuartzCron.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface QuartzCron {

    String message() default
            "is not a Quartz cron ({problem}); e.g. \"0 */15 * ? * MON-FRI\" is every 15 minutes on" + " weekdays";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Quartz's own parser decides, and says what it did not understand. */
    final class Validator implements ConstraintValidator<QuartzCron, String> {
        @Override
        public boolean isValid(String cron, ConstraintValidatorContext context) {
            try {
                CronExpression.validateExpression(cron == null ? "" : cron);
                return true;
            } catch (ParseException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate()
                                .replace(
                                        "{problem}",
                                        e.getMessage().replace("{", "(").replace("}", ")")))
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
