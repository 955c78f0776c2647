package io.barfeed;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.barfeed.run.OnceRun;

@SpringBootApplication
public class BarfeedApplication {

    public static void main(String[] args) {
        // Bars are UTC; a database timestamp without time zone (the classic layout) is read as UTC too.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        ConfigurableApplicationContext context = SpringApplication.run(BarfeedApplication.class, args);
        if (context.getBean(OnceRun.class).isEnabled()) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
