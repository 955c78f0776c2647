package io.barfeed.start;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.OnCamelContextStarted;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;

import io.barfeed.start.StartupPhases.Mark;

/** Marks where the database and Camel phases of the start-up begin and end ({@link StartupPhases}). */
public class StartupMarks implements InstantiationAwareBeanPostProcessor, OnCamelContextStarted {

    /** The first bean that reaches the database is the DataSource (the embedded PostgreSQL starts in it). */
    @Override
    public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
        if (beanName.equals("dataSource")) {
            StartupPhases.mark(Mark.DATABASE);
        }
        return null;
    }

    @Override
    public void onContextStarted(CamelContext context) {
        StartupPhases.mark(Mark.CAMEL_READY);
    }
}
