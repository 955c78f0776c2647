package io.barfeed;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.barfeed.run.OnceRun;
import io.barfeed.start.StartupPhases;
import io.barfeed.validate.RoutesValidator;

@SpringBootApplication
public class BarfeedApplication {

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("validate")) {
            // java -jar target/barfeed.jar validate routes [folder]: check the route files, start nothing
            String folder = args.length > 2 ? args[2] : args.length > 1 && !args[1].equals("routes") ? args[1] : null;
            System.exit(RoutesValidator.run(folder == null ? Path.of("routes") : Path.of(folder), folder != null));
        }
        StartupPhases.mark(StartupPhases.Mark.SPRING);
        ConfigurableApplicationContext context = SpringApplication.run(BarfeedApplication.class, args);
        if (context.getBean(OnceRun.class).isEnabled()) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
