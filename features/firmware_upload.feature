@firmware-upload @uploads-firmware
Feature: Create Firmware File and Delete Firmware
  A console uploads a firmware before any job can install it, and deletes old firmware once no job needs it. Create
  Firmware File (POST action=create) takes a multipart body: a metadata part in JSON (name, version, signMethod,
  sign, enableVerification, and optional fields) and the file itself; it answers the new firmwareId. Delete Firmware
  (POST action=delete) removes one (vendor pages "Create Firmware File", "Delete Firmware"). The firmware these
  scenarios upload is tiny, needs verification and is named after the kit, so no device takes it; the kit deletes it
  at the end of the run. Against a gateway they run only with conform --allow-writes.

  Rule: FIRMWARE-CREATE Create Firmware File answers data.firmwareId; Get Firmware File then answers that firmware with the version, signMethod and sign uploaded, and the file's size in fileSize

    Scenario: An uploaded firmware is read back as it was uploaded
      When I upload a firmware file with its md5 sign
      Then the answer carries the new firmware's id in data.firmwareId
      And Get Firmware File answers the uploaded firmware with its version, sign and file size

  Rule: FIRMWARE-CREATE-MANDATORY Create Firmware File whose metadata lacks a mandatory field (name, version, signMethod, sign, enableVerification) answers 99400 naming it

    Scenario: Metadata without a sign is refused with 99400
      When I upload a firmware file whose metadata lacks sign
      Then the answer is an invalid argument naming "sign"

  Rule: FIRMWARE-DELETE Delete Firmware removes the firmware; Get Firmware File then answers 24404 "Firmware not found"

    Scenario: A deleted firmware is gone
      Given a firmware the kit uploaded
      When I delete the firmware
      Then the firmware is deleted: code 0, msg "OK" and data null
      And Get Firmware File of the deleted firmware answers 24404 "Firmware not found"

  Rule: FIRMWARE-DELETE-24404 Delete Firmware of a firmware the organization does not have answers 24404 "Firmware not found"

    Scenario: Deleting a firmware that does not exist is answered with 24404
      When I delete a firmware that does not exist
      Then the answer is the error 24404 "Firmware not found"
