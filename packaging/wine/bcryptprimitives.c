/*
 * bcryptprimitives.c: a stand-in for Windows' bcryptprimitives.dll, for the
 * Windows smoke test only; it is never shipped.
 *
 * Go's Windows runtime takes its random bytes from ProcessPrng in
 * bcryptprimitives.dll, which Debian's Wine 8.0 does not have. This DLL
 * exports ProcessPrng and fills the buffer from RtlGenRandom
 * (advapi32!SystemFunction036), which Wine has.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
