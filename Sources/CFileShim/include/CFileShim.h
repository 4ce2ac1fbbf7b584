// One system call Swift's Glibc module does not expose: swapping two paths atomically
// (renameat2 with RENAME_EXCHANGE), so that an export folder is replaced whole.
#ifndef CFILESHIM_H
#define CFILESHIM_H

#ifdef __cplusplus
extern "C" {
#endif

/// Exchanges the directory entries `a` and `b` (both must exist) in one step. 0 on success,
/// else -1 with errno set (ENOSYS or EINVAL where the kernel or file system cannot).
int cfile_exchange(const char *a, const char *b);

#ifdef __cplusplus
}
#endif
#endif
