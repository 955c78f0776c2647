package io.barfeed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * barfeed's INFO lines (the plan, progress, the summary) for a test that reads them: the app tests log at WARN
 * (AppTest). Log levels are set before the context's dynamic properties are read, so this is a property source.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {"logging.level.barfeed=INFO", "logging.level.io.barfeed=INFO"})
public @interface ReadsBarfeedLog {}
