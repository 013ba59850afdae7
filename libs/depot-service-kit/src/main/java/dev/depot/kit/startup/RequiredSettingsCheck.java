package dev.depot.kit.startup;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Stops start-up when a {@code ${DEPOT_...}} placeholder without default in the service's own
 * configuration is not set. Spring's binder would otherwise keep the literal placeholder text as
 * the value (a "secret" of {@code ${DEPOT_TICKET_SECRET}}), failing late and obscurely. Runs right
 * after logging is set up, so the report is one structured log event.
 */
public final class RequiredSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Set<String> missing = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || !source.getName().contains("application")) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (enumerable.getProperty(name) instanceof CharSequence value) {
                    Matcher m = REQUIRED.matcher(value);
                    while (m.find()) {
                        if (environment.getProperty(m.group(1)) == null) {
                            missing.add(m.group(1));
                        }
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing.stream().toList());
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
