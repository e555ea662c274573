package dev.restcache.cxf;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The warnings restcache logs during a test (its {@code dev.restcache} logger, which {@code
 * System.Logger} maps to java.util.logging here): {@code @RegisterExtension final RestcacheWarnings
 * warnings = new RestcacheWarnings();}.
 */
public final class RestcacheWarnings implements BeforeEachCallback, AfterEachCallback {
  private final Logger logger = Logger.getLogger("dev.restcache");
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(
                record.getLevel()
                    + " "
                    + record.getMessage()
                    + (record.getThrown() == null ? "" : ": " + record.getThrown()));
          }
        }

        @Override
        public void flush() {
          // Nothing buffered.
        }

        @Override
        public void close() {
          // Nothing held.
        }
      };

  /** Every warning or worse logged since the test started. */
  public List<String> logged() {
    return List.copyOf(warnings);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    logger.addHandler(capture);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.removeHandler(capture);
  }
}
