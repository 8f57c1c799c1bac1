/*
 * ESP-IDF specific: the HAL storage host functions (hal/xs/storage.ts, same names and contract as
 * firmware/xs-host/host-storage.c) over NVS, namespace "tinyusp":
 *   storageGet(key) -> ArrayBuffer | undefined    nvs_get_blob
 *   storageSet(key, buffer, offset, length)       nvs_set_blob + nvs_commit: NVS writes a new
 *                                                 entry and only then retires the old one, so a
 *                                                 power loss keeps the old record or the new one
 *   storageDelete(key)                            nvs_erase_key + nvs_commit
 *   storageKeys() -> string[] (sorted)            nvs_entry_find over the namespace
 * Keys are at most 15 characters (NVS_KEY_NAME_MAX_SIZE - 1): the data model's keys fit that
 * bound (issue 12). Not compiled here (no ESP-IDF): see README.md.
 */
#include "xsmc.h"
#include "xsHost.h"
#include "xs-host.h"
#include <stdlib.h>
#include <string.h>
#include "nvs.h"
#include "nvs_flash.h"

#define TINYUSP_NVS_NAMESPACE "tinyusp"

static nvs_handle_t gxNvs = 0;

static nvs_handle_t tinyuspNvs(xsMachine* the)
{
	if (!gxNvs) {
		esp_err_t err = nvs_flash_init();
		if ((err == ESP_ERR_NVS_NO_FREE_PAGES) || (err == ESP_ERR_NVS_NEW_VERSION_FOUND))
			xsUnknownError("NVS partition needs erasing (%s)", esp_err_to_name(err));
		if ((err != ESP_OK) || (nvs_open(TINYUSP_NVS_NAMESPACE, NVS_READWRITE, &gxNvs) != ESP_OK))
			xsUnknownError("cannot open NVS namespace " TINYUSP_NVS_NAMESPACE);
	}
	return gxNvs;
}

static void tinyuspKey(xsMachine* the, char* key)
{
	xsToStringBuffer(xsArg(0), key, NVS_KEY_NAME_MAX_SIZE);
	if (strlen(xsToString(xsArg(0))) >= NVS_KEY_NAME_MAX_SIZE)
		xsRangeError("storage key longer than %d characters", NVS_KEY_NAME_MAX_SIZE - 1);
}

static void xs_storageGet(xsMachine* the)
{
	char key[NVS_KEY_NAME_MAX_SIZE];
	size_t length = 0;
	nvs_handle_t nvs = tinyuspNvs(the);
	tinyuspKey(the, key);
	if (nvs_get_blob(nvs, key, NULL, &length) != ESP_OK)
		return;
	xsResult = xsArrayBuffer(NULL, (xsIntegerValue)length);
	if (nvs_get_blob(nvs, key, xsToArrayBuffer(xsResult), &length) != ESP_OK)
		xsUnknownError("storageGet %s: read failed", key);
}

static void xs_storageSet(xsMachine* the)
{
	char key[NVS_KEY_NAME_MAX_SIZE];
	xsIntegerValue offset = xsToInteger(xsArg(2)), length = xsToInteger(xsArg(3));
	nvs_handle_t nvs = tinyuspNvs(the);
	tinyuspKey(the, key);
	if ((offset < 0) || (length < 0) || (offset + length > xsGetArrayBufferLength(xsArg(1))))
		xsRangeError("storageSet: offset/length outside the buffer");
	/* Taken after every conversion: a collection may move chunks. */
	if ((nvs_set_blob(nvs, key, (const char*)xsToArrayBuffer(xsArg(1)) + offset, (size_t)length) != ESP_OK) || (nvs_commit(nvs) != ESP_OK))
		xsUnknownError("storageSet %s: write failed", key);
}

static void xs_storageDelete(xsMachine* the)
{
	char key[NVS_KEY_NAME_MAX_SIZE];
	nvs_handle_t nvs = tinyuspNvs(the);
	esp_err_t err;
	tinyuspKey(the, key);
	err = nvs_erase_key(nvs, key);
	if (((err != ESP_OK) && (err != ESP_ERR_NVS_NOT_FOUND)) || (nvs_commit(nvs) != ESP_OK))
		xsUnknownError("storageDelete %s: failed", key);
}

static int tinyuspCompare(const void* a, const void* b)
{
	return strcmp((const char*)a, (const char*)b);
}

static void xs_storageKeys(xsMachine* the)
{
	/* The namespace holds the model's records only: a bounded count (the board's tables). */
	char (*keys)[NVS_KEY_NAME_MAX_SIZE] = NULL;
	int count = 0, room = 0, i;
	nvs_iterator_t it = NULL;
	esp_err_t err = nvs_entry_find(NVS_DEFAULT_PART_NAME, TINYUSP_NVS_NAMESPACE, NVS_TYPE_BLOB, &it);
	while (err == ESP_OK) {
		nvs_entry_info_t info;
		nvs_entry_info(it, &info);
		if (count == room) {
			room = room ? room * 2 : 32;
			keys = realloc(keys, room * NVS_KEY_NAME_MAX_SIZE);
			if (!keys) {
				nvs_release_iterator(it);
				xsUnknownError("storageKeys: out of memory");
			}
		}
		strncpy(keys[count++], info.key, NVS_KEY_NAME_MAX_SIZE);
		err = nvs_entry_next(&it);
	}
	nvs_release_iterator(it);
	qsort(keys, count, NVS_KEY_NAME_MAX_SIZE, tinyuspCompare);
	xsResult = xsNewArray(0);
	for (i = 0; i < count; i++)
		xsCall1(xsResult, xsID("push"), xsString(keys[i]));
	free(keys);
}

void xsHostInstallStorage(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "storageGet", xs_storageGet, 1);
	xsHostDefineFunction(the, host, "storageSet", xs_storageSet, 4);
	xsHostDefineFunction(the, host, "storageDelete", xs_storageDelete, 1);
	xsHostDefineFunction(the, host, "storageKeys", xs_storageKeys, 0);
}
