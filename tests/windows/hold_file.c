/* Holds a file open from another process, as Excel or Notepad does, for scripts/test-windows.sh:
 *   hold_file.exe FILE SECONDS excl   open for reading and writing, no sharing (Excel)
 *   hold_file.exe FILE SECONDS read   open for reading, others may read only (a viewer)
 * Prints "held" once the file is open, then sleeps; exit 1 if the file cannot be opened.
 * Built by test-windows.sh with MinGW-w64 (-municode: the path arrives as UTF-16). */
#include <stdio.h>
#include <wchar.h>
#include <windows.h>

int wmain(int argc, wchar_t** argv) {
  if (argc != 4) return 2;
  const int excl = wcscmp(argv[3], L"excl") == 0;
  HANDLE h = CreateFileW(argv[1], excl ? GENERIC_READ | GENERIC_WRITE : GENERIC_READ,
                         excl ? 0 : FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) {
    printf("cannot open: error %lu\n", GetLastError());
    return 1;
  }
  printf("held\n");
  fflush(stdout);
  Sleep((DWORD)_wtoi(argv[2]) * 1000);
  CloseHandle(h);
  return 0;
}
