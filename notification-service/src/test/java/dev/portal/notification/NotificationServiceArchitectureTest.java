package dev.portal.notification;

import dev.portal.platform.test.ArchitectureConventions;

/** notification-service's inside keeps the suite's shape (features without cycles, SQL in repositories, time from the Clock, ...). */
class NotificationServiceArchitectureTest extends ArchitectureConventions {
}
