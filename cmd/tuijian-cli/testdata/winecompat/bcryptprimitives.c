/* Test-only stand-in for Windows' bcryptprimitives.dll under wine 8.0, which
 * lacks ProcessPrng (Go ≥ 1.24 reads its random numbers through it). It forwards to
 * RtlGenRandom (advapi32 SystemFunction036). Never shipped: real Windows 10/11 has
 * the function. Built by the wine test with mingw-w64:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
