/*
 * ESP-IDF specific: the A/B firmware slots of the data model (Device.DeviceInfo.FirmwareImage,
 * Download()/Activate(); issue 12) over esp_ota_*, with rollback confirmation
 * (CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE):
 *   firmwareRunningSlot() -> 0 | 1         the partition running now (ota_0 / ota_1)
 *   firmwareBegin(slot)                    esp_ota_begin on the other partition (never the running one)
 *   firmwareWrite(buffer, offset, length)  esp_ota_write of one downloaded chunk
 *   firmwareFinish()                       esp_ota_end: checks the image (header, SHA-256)
 *   firmwareActivate(slot)                 esp_ota_set_boot_partition, then the caller reboots
 *   firmwareConfirm()                      esp_ota_mark_app_valid_cancel_rollback: called once the
 *                                          new image has booted and reached its Controller; an
 *                                          image that never confirms is rolled back by the
 *                                          bootloader on the next reset
 * The names follow the firmware HAL the `ota` work adds to hal/hal.ts; if they differ when it is
 * merged, these are renamed to match (the binding in hal/xs is shared with the Linux runner).
 * Not compiled here (no ESP-IDF): see README.md.
 */
#include "xsmc.h"
#include "xsHost.h"
#include "xs-host.h"
#include "esp_ota_ops.h"

static esp_ota_handle_t gxOta = 0;
static const esp_partition_t* gxOtaTarget = NULL;

static const esp_partition_t* tinyuspSlot(xsMachine* the, xsIntegerValue slot)
{
	const esp_partition_t* p = esp_partition_find_first(ESP_PARTITION_TYPE_APP,
		slot ? ESP_PARTITION_SUBTYPE_APP_OTA_1 : ESP_PARTITION_SUBTYPE_APP_OTA_0, NULL);
	if (!p)
		xsRangeError("no firmware slot %d in the partition table", (int)slot);
	return p;
}

static void xs_firmwareRunningSlot(xsMachine* the)
{
	const esp_partition_t* running = esp_ota_get_running_partition();
	xsResult = xsInteger((running && (running->subtype == ESP_PARTITION_SUBTYPE_APP_OTA_1)) ? 1 : 0);
}

static void xs_firmwareBegin(xsMachine* the)
{
	const esp_partition_t* target = tinyuspSlot(the, xsToInteger(xsArg(0)));
	if (target == esp_ota_get_running_partition())
		xsRangeError("firmwareBegin: slot is the running image");
	if (gxOta)
		esp_ota_abort(gxOta);
	gxOta = 0;
	if (esp_ota_begin(target, OTA_WITH_SEQUENTIAL_WRITES, &gxOta) != ESP_OK)
		xsUnknownError("esp_ota_begin failed");
	gxOtaTarget = target;
}

static void xs_firmwareWrite(xsMachine* the)
{
	xsIntegerValue offset = xsToInteger(xsArg(1)), length = xsToInteger(xsArg(2));
	if (!gxOta)
		xsTypeError("firmwareWrite before firmwareBegin");
	if ((offset < 0) || (length < 0) || (offset + length > xsGetArrayBufferLength(xsArg(0))))
		xsRangeError("firmwareWrite: offset/length outside the buffer");
	if (esp_ota_write(gxOta, (const char*)xsToArrayBuffer(xsArg(0)) + offset, (size_t)length) != ESP_OK)
		xsUnknownError("esp_ota_write failed");
}

static void xs_firmwareFinish(xsMachine* the)
{
	esp_err_t err;
	if (!gxOta)
		xsTypeError("firmwareFinish before firmwareBegin");
	err = esp_ota_end(gxOta);
	gxOta = 0;
	if (err != ESP_OK)
		xsUnknownError("image rejected: %s", esp_err_to_name(err));
}

static void xs_firmwareActivate(xsMachine* the)
{
	if (esp_ota_set_boot_partition(tinyuspSlot(the, xsToInteger(xsArg(0)))) != ESP_OK)
		xsUnknownError("esp_ota_set_boot_partition failed");
}

static void xs_firmwareConfirm(xsMachine* the)
{
	esp_ota_img_states_t state;
	if ((esp_ota_get_state_partition(esp_ota_get_running_partition(), &state) == ESP_OK) && (state == ESP_OTA_IMG_PENDING_VERIFY))
		esp_ota_mark_app_valid_cancel_rollback();
}

void xsHostInstallFirmware(xsMachine* the, xsSlot* host)
{
	xsHostDefineFunction(the, host, "firmwareRunningSlot", xs_firmwareRunningSlot, 0);
	xsHostDefineFunction(the, host, "firmwareBegin", xs_firmwareBegin, 1);
	xsHostDefineFunction(the, host, "firmwareWrite", xs_firmwareWrite, 3);
	xsHostDefineFunction(the, host, "firmwareFinish", xs_firmwareFinish, 0);
	xsHostDefineFunction(the, host, "firmwareActivate", xs_firmwareActivate, 1);
	xsHostDefineFunction(the, host, "firmwareConfirm", xs_firmwareConfirm, 0);
}
