package dev.depot.upload.tus;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The tus 1.0.0 endpoint. {@code OPTIONS} tells a client which protocol version is spoken. */
@RestController
class TusController {

  static final String TUS_VERSION = "1.0.0";

  @RequestMapping(value = {"/api/uploads", "/api/uploads/"}, method = RequestMethod.OPTIONS)
  ResponseEntity<Void> options() {
    return ResponseEntity.noContent()
        .header("Tus-Resumable", TUS_VERSION)
        .header("Tus-Version", TUS_VERSION)
        .build();
  }
}
