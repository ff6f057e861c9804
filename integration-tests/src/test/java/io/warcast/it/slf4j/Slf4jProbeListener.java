package io.warcast.it.slf4j;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.slf4j.LoggerFactory;

/** The SLF4J probe application logs one line through its own SLF4J when it starts, which makes SLF4J find its provider. */
@WebListener
public class Slf4jProbeListener implements ServletContextListener {

    public static final String STARTED_LINE = "the SLF4J probe application started";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        LoggerFactory.getLogger(Slf4jProbeListener.class).info(STARTED_LINE);
    }
}
