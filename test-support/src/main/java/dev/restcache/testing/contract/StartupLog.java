package dev.restcache.testing.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What restcache logs at WARNING or above while it is open: the records of its {@code
 * System.Logger}, which the JDK hands to {@code java.util.logging} when no other logging backend is
 * installed.
 */
final class StartupLog implements AutoCloseable {
  // Held, so that the logger the handler is added to is the one restcache later finds.
  private final Logger logger = Logger.getLogger("dev.restcache");
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord entry) {
          if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(entry.getLevel() + ": " + formatter.formatMessage(entry));
          }
        }

        @Override
        public void flush() {
          // Nothing is buffered.
        }

        @Override
        public void close() {
          // Nothing to release.
        }
      };

  private StartupLog() {
    logger.addHandler(handler);
  }

  /** Starts capturing. */
  static StartupLog capture() {
    return new StartupLog();
  }

  /** The warnings so far, each with its level and message. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
