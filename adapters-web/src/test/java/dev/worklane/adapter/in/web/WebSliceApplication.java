package dev.worklane.adapter.in.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration {@code @WebMvcTest} slices start from: this module has no application class of
 * its own (bootstrap has), and the slice scans from here with its own filter, so it picks up the
 * controllers, the advice, the filters and the MVC configurers of this module only.
 */
@SpringBootApplication
class WebSliceApplication {}
