package dev.portal.platform.test.architecture.broken.http.orders;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An application service choosing an HTTP status deep inside. */
public class SubmitOrder {

    public void submit(boolean duplicate) {
        if (duplicate) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "duplicate order");
        }
    }
}
