package io.barfeed.settings;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A {@code barfeed.*} value that binds but breaks a rule: each one reported with its key as written in
 * application.yaml, the value as written, where it was set (file and line, or the command line) and the rule.
 * Spring Boot's own report names nested record settings in Java's camelCase and without their origin.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

    private final Environment environment;

    public SettingsFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        StringBuilder description = new StringBuilder("barfeed's settings break these rules:\n");
        for (ObjectError error : cause.getValidationErrors().getAllErrors()) {
            if (error instanceof FieldError field) {
                describe(description, error.getObjectName() + "." + field.getField(), field.getRejectedValue());
            }
            description
                    .append("\n    Reason: ")
                    .append(error.getDefaultMessage())
                    .append('\n');
        }
        return new FailureAnalysis(
                description.toString(),
                "Fix each setting where it is set (application.yaml, a --key=value argument or an environment"
                        + " variable), then start barfeed again. docs/configuration.md lists the settings.",
                cause);
    }

    private void describe(StringBuilder description, String javaPath, Object boundValue) {
        String key = dashed(javaPath);
        ConfigurationProperty property = find(key);
        if (property == null && key.contains(".")) {
            key = key.substring(0, key.lastIndexOf('.')); // a rule over a whole group (several of its settings)
            description.append("\n    Settings: ").append(key).append(".*");
            return;
        }
        description.append("\n    Property: ").append(key);
        description
                .append("\n    Value: \"")
                .append(property != null ? property.getValue() : boundValue)
                .append('"');
        if (property != null && property.getOrigin() != null) {
            description.append("\n    Origin: ").append(property.getOrigin());
        }
    }

    /** The setting as the source that won gave it; a list element may come as one comma-separated value. */
    private ConfigurationProperty find(String key) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        ConfigurationPropertyName list =
                key.contains("[") ? ConfigurationPropertyName.of(key.replaceAll("\\[.*", "")) : null;
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property == null && list != null) {
                property = source.getConfigurationProperty(list);
            }
            if (property != null) {
                return property;
            }
        }
        return null;
    }

    /** fetch.pageLimit to fetch.page-limit, keeping list indexes. */
    static String dashed(String javaPath) {
        List<String> parts = new ArrayList<>();
        for (String part : javaPath.split("\\.")) {
            StringBuilder dashed = new StringBuilder();
            for (char c : part.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    dashed.append('-').append(Character.toLowerCase(c));
                } else {
                    dashed.append(c);
                }
            }
            parts.add(dashed.toString());
        }
        return String.join(".", parts);
    }
}
