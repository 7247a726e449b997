@device-upgrade
Feature: Upgrade scopes and Search Device Upgrade
  A job's upgradeScope says which devices it upgrades: one by one (deviceKeys), by the firmware version they run
  (versionNumbers), by tag, by attribute or by asset tree (the vendor's samples show each selector on its own).
  Search Device Upgrade (POST ota-firmwares, action=searchDeviceUpgrade) answers which devices run which firmware
  version and whether they are being upgraded, one page at a time with pagination beside data (vendor page "Search
  Device Upgrade"). The searches only read. A job that selects by tag, attribute or asset tree upgrades every device
  it selects, so those scenarios run against the kit's mock only (@mock-only), on the devices of its state file.

  Rule: SCOPE-SELECTORS A started job whose scope has one selector gets one task for each device the selector selects, and no other

    @mock-only @creates-job
    Scenario Outline: A job whose scope selects <selector> gets a task for each device selected
      Given a started upgrade job on the ready firmware whose scope selects <selector>
      When I search the tasks of the job
      Then there is one task for each of <devices>

      Examples:
        | selector                                 | devices                   |
        | the tag stage = pilot                    | deviceKey1 and deviceKey4 |
        | the attribute ratedPower = 1000          | deviceKey2 and deviceKey3 |
        | the asset tree windFarmTree under southSite | deviceKey3             |

  Rule: DEVICE-UPGRADE-SEARCH Search Device Upgrade answers a page of DeviceFirmware records with deviceKey, firmwareVersion and isUpgrading, with pagination beside data

    Scenario: The organization's devices are answered with the firmware they run
      When I search the organization's devices and the firmware they run
      Then the answer is a page of devices, each with its deviceKey, firmwareVersion and isUpgrading, with pagination beside data

  Rule: DEVICE-UPGRADE-VERSION Search Device Upgrade by firmwareVersion answers only devices that run that version

    Scenario: A search by a version some device runs answers only devices on it
      Given a firmware version a device of the organization runs
      When I search the organization's devices on that version
      Then every device answered runs that version, and at least one does
