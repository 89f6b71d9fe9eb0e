#ifndef CVENNSHIMS_H
#define CVENNSHIMS_H
#include <stdint.h>
#include <stdarg.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <microhttpd.h>

/// Starts a libmicrohttpd daemon; MHD_start_daemon is variadic.
struct MHD_Daemon *cvenn_mhd_start(unsigned int flags, const char *host, uint16_t port,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context,
    unsigned int thread_pool_size, unsigned int connection_timeout_seconds,
    unsigned int connection_limit);

/// The port a daemon is bound to; MHD_get_daemon_info is variadic.
uint16_t cvenn_mhd_bound_port(struct MHD_Daemon *daemon);
#endif
