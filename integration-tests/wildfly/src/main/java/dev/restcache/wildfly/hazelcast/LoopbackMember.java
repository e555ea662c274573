package dev.restcache.wildfly.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.testing.LoopbackMembers;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;

/**
 * The deployment's Hazelcast member, on 127.0.0.1 at the port the server was started with ({@value
 * #PORT_PROPERTY}): started with the deployment, before its Jakarta REST application, and shut down
 * with it, since Hazelcast's threads would outlive the deployment.
 */
@WebListener
public class LoopbackMember implements ServletContextListener {
  /** The system property that holds the member's port. */
  public static final String PORT_PROPERTY = "restcache.hazelcast.port";

  private static volatile HazelcastInstance instance;

  /** The running member. */
  static HazelcastInstance instance() {
    HazelcastInstance running = instance;
    if (running == null) {
      throw new IllegalStateException("the deployment's Hazelcast member has not started");
    }
    return running;
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    int port = Integer.parseInt(System.getProperty(PORT_PROPERTY));
    instance = LoopbackMembers.start("restcache-wildfly-" + port, port, List.of(port));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    instance.shutdown();
  }
}
