/**
 * The guide's floating-field Tag Values table (cti-tables.md Part B), one entry per tag.
 * The table gives names only; `type` and `max` come from the message layouts in cti-protocol.md
 * (section 8 maps fields to tags). A tag no layout describes is UNSPEC with max 255: before v20 a
 * field length is one byte, so 255 is the most any version can carry.
 * Not entries: reserved / "Unused" / unlisted numbers, and 226–227 (printed "Used", no name; the
 * version history calls them CLIENT_ADDRESS_IPV6 / SENDING_ADDRESS_IPV6, removed in v19).
 * Names are kept as printed, including the ones without _TAG and FLT__TERM_TYPE_NAME.
 */
import type { TagDef } from './types';

const NO_LAYOUT = { type: 'UNSPEC', max: 255 } as const;

export const TAGS: TagDef[] = [
  { tag: 1, name: 'CLIENT_ID_TAG', type: 'STRING', max: 64 }, // OPEN_REQ ClientID
  { tag: 2, name: 'CLIENT_PASSWORD_TAG', type: 'UNSPEC', max: 64 }, // OPEN_REQ ClientPassword
  { tag: 3, name: 'CLIENT_SIGNATURE_TAG', type: 'STRING', max: 64 }, // OPEN_REQ ClientSignature; AGENT_STATE_EVENT CTIClientSignature
  { tag: 4, name: 'AGENT_EXTENSION_TAG', type: 'STRING', max: 16 }, // AgentExtension
  { tag: 5, name: 'AGENT_ID_TAG', type: 'STRING', max: 12 }, // AgentID
  { tag: 6, name: 'AGENT_INSTRUMENT_TAG', type: 'STRING', max: 64 }, // AgentInstrument
  { tag: 7, name: 'TEXT_TAG', type: 'STRING', max: 255 }, // SYSTEM_EVENT Text
  { tag: 8, name: 'ANI_TAG', type: 'STRING', max: 40 }, // ANI
  { tag: 9, name: 'UUI_TAG', type: 'UNSPEC', max: 131 }, // UserToUserInfo
  { tag: 10, name: 'DNIS_TAG', type: 'STRING', max: 32 }, // DNIS
  { tag: 11, name: 'DIALED_NUMBER_TAG', type: 'STRING', max: 40 }, // DialedNumber
  { tag: 12, name: 'CED_TAG', type: 'STRING', max: 40 }, // CallerEnteredDigits
  { tag: 13, name: 'CALL_VAR_1_TAG', type: 'STRING', max: 41 }, // CallVariable1
  { tag: 14, name: 'CALL_VAR_2_TAG', type: 'STRING', max: 41 }, // CallVariable2
  { tag: 15, name: 'CALL_VAR_3_TAG', type: 'STRING', max: 41 }, // CallVariable3
  { tag: 16, name: 'CALL_VAR_4_TAG', type: 'STRING', max: 41 }, // CallVariable4
  { tag: 17, name: 'CALL_VAR_5_TAG', type: 'STRING', max: 41 }, // CallVariable5
  { tag: 18, name: 'CALL_VAR_6_TAG', type: 'STRING', max: 41 }, // CallVariable6
  { tag: 19, name: 'CALL_VAR_7_TAG', type: 'STRING', max: 41 }, // CallVariable7
  { tag: 20, name: 'CALL_VAR_8_TAG', type: 'STRING', max: 41 }, // CallVariable8
  { tag: 21, name: 'CALL_VAR_9_TAG', type: 'STRING', max: 41 }, // CallVariable9
  { tag: 22, name: 'CALL_VAR_10_TAG', type: 'STRING', max: 41 }, // CallVariable10
  { tag: 23, name: 'CTI_CLIENT_SIGNATURE_TAG', type: 'STRING', max: 64 }, // CTIClientSignature
  { tag: 24, name: 'CTI_CLIENT_TIMESTAMP_TAG', type: 'TIME', max: 4 }, // CTIClientTimestamp
  { tag: 25, name: 'CONNECTION_DEVID_TAG', type: 'STRING', max: 64 }, // ConnectionDeviceID
  { tag: 26, name: 'ALERTING_DEVID_TAG', type: 'STRING', max: 64 }, // AlertingDeviceID
  { tag: 27, name: 'CALLING_DEVID_TAG', type: 'STRING', max: 64 }, // CallingDeviceID
  { tag: 28, name: 'CALLED_DEVID_TAG', type: 'STRING', max: 64 }, // CalledDeviceID
  { tag: 29, name: 'LAST_REDIRECT_DEVID_TAG', type: 'STRING', max: 64 }, // LastRedirectDeviceID
  { tag: 30, name: 'ANSWERING_DEVID_TAG', type: 'STRING', max: 64 }, // AnsweringDeviceID
  { tag: 31, name: 'HOLDING_DEVID_TAG', type: 'STRING', max: 64 }, // HoldingDeviceID
  { tag: 32, name: 'RETRIEVING_DEVID_TAG', type: 'STRING', max: 64 }, // RetrievingDeviceID
  { tag: 33, name: 'RELEASING_DEVID_TAG', type: 'STRING', max: 64 }, // ReleasingDeviceID
  { tag: 34, name: 'FAILING_DEVID_TAG', type: 'STRING', max: 64 }, // FailingDeviceID
  { tag: 35, name: 'PRIMARY_DEVID_TAG', type: 'STRING', max: 64 }, // PrimaryDeviceID
  { tag: 36, name: 'SECONDARY_DEVID_TAG', type: 'STRING', max: 64 }, // SecondaryDeviceID
  { tag: 37, name: 'CONTROLLER_DEVID_TAG', type: 'STRING', max: 64 }, // ControllerDeviceID
  { tag: 38, name: 'ADDED_PARTY_DEVID_TAG', type: 'STRING', max: 64 }, // AddedPartyDeviceID
  { tag: 39, name: 'PARTY_CALLID_TAG', type: 'UINT', max: 4 }, // ConnectedPartyCallID
  { tag: 40, name: 'PARTY_DEVID_TYPE_TAG', type: 'USHORT', max: 2 }, // ConnectedPartyDeviceIDType
  { tag: 41, name: 'PARTY_DEVID_TAG', type: 'STRING', max: 64 }, // ConnectedPartyDeviceID
  { tag: 42, name: 'TRANSFERRING_DEVID_TAG', type: 'STRING', max: 64 }, // TransferringDeviceID
  { tag: 43, name: 'TRANSFERRED_DEVID_TAG', type: 'STRING', max: 64 }, // TransferredDeviceID
  { tag: 44, name: 'DIVERTING_DEVID_TAG', type: 'STRING', max: 64 }, // DivertingDeviceID
  { tag: 45, name: 'QUEUE_DEVID_TAG', type: 'STRING', max: 64 }, // QueueDeviceID
  { tag: 46, name: 'CALL_WRAPUP_DATA_TAG', type: 'STRING', max: 40 }, // CallWrapupData
  { tag: 47, name: 'NEW_CONNECTION_DEVID_TAG', type: 'STRING', max: 64 }, // NewConnectionDeviceID
  { tag: 48, name: 'TRUNK_USED_DEVID_TAG', type: 'STRING', max: 64 }, // TrunkUsedDeviceID
  { tag: 49, name: 'AGENT_PASSWORD_TAG', type: 'STRING', max: 64 }, // SET_AGENT_STATE_REQ AgentPassword
  { tag: 50, name: 'ACTIVE_CONN_DEVID_TAG', type: 'STRING', max: 64 }, // ActiveConnectionDeviceID
  { tag: 51, name: 'FACILITY_CODE_TAG', type: 'STRING', max: 40 }, // FacilityCode
  { tag: 52, name: 'OTHER_CONN_DEVID_TAG', type: 'STRING', max: 64 }, // OtherConnectionDeviceID
  { tag: 53, name: 'HELD_CONN_DEVID_TAG', type: 'STRING', max: 64 }, // HeldConnectionDeviceID
  { tag: 56, name: 'CALL_CONN_CALLID_TAG', type: 'UINT', max: 4 }, // CallConnectionCallID
  { tag: 57, name: 'CALL_CONN_DEVID_TYPE_TAG', type: 'USHORT', max: 2 }, // CallConnectionDeviceIDType
  { tag: 58, name: 'CALL_CONN_DEVID_TAG', type: 'STRING', max: 64 }, // CallConnectionDeviceID
  { tag: 59, name: 'CALL_DEVID_TYPE_TAG', type: 'USHORT', max: 2 }, // CallDeviceType
  { tag: 60, name: 'CALL_DEVID_TAG', type: 'STRING', max: 64 }, // CallDeviceID
  { tag: 61, name: 'CALL_DEV_CONN_STATE_TAG', type: 'USHORT', max: 2 }, // CallDeviceConnectionState
  { tag: 62, name: 'SKILL_GROUP_NUMBER_TAG', type: 'INT', max: 4 }, // SkillGroupNumber. Unsure: INT in CALL_QUEUED_EVENT, SET_AGENT_STATE_REQ and AGENT_STATE_EVENT, UINT in CALL_DEQUEUED_EVENT and QUERY_AGENT_STATE_CONF; chose INT (the majority)
  { tag: 63, name: 'SKILL_GROUP_ID_TAG', type: 'UINT', max: 4 }, // SkillGroupID
  { tag: 64, name: 'SKILL_GROUP_PRIORITY_TAG', type: 'USHORT', max: 2 }, // SkillGroupPriority
  { tag: 65, name: 'SKILL_GROUP_STATE_TAG', type: 'USHORT', max: 2 }, // SkillGroupState
  { tag: 66, name: 'OBJECT_NAME_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 67, name: 'DTMF_STRING_TAG', type: 'STRING', max: 32 }, // SEND_DTMF_SIGNAL_REQ DTMFString
  { tag: 68, name: 'POSITION_ID_TAG', type: 'STRING', max: 12 }, // SET_AGENT_STATE_REQ PositionID
  { tag: 69, name: 'SUPERVISOR_ID_TAG', type: 'STRING', max: 12 }, // SET_AGENT_STATE_REQ SupervisorID
  { tag: 70, name: 'LINE_HANDLE_TAG', type: 'USHORT', max: 2 }, // QUERY_DEVICE_INFO_CONF LineHandle
  { tag: 71, name: 'LINE_TYPE_TAG', type: 'USHORT', max: 2 }, // QUERY_DEVICE_INFO_CONF LineType
  { tag: 72, name: 'ROUTER_CALL_KEY_DAY_TAG', type: 'UINT', max: 4 }, // RouterCallKeyDay
  { tag: 73, name: 'ROUTER_CALL_KEY_CALLID_TAG', type: 'UINT', max: 4 }, // RouterCallKeyCallID
  { tag: 75, name: 'CALL_STATE_TAG', type: 'USHORT', max: 2 }, // SNAPSHOT_DEVICE_CONF CallState
  { tag: 76, name: 'MONITORED_DEVID_TAG', type: 'STRING', max: 64 }, // MonitoredDeviceID. Unsure: no layout in cti-protocol.md; chose STRING 64, the guide's rule for every device ID
  { tag: 77, name: 'AUTHORIZATION_CODE_TAG', type: 'STRING', max: 40 }, // AuthorizationCode
  { tag: 78, name: 'ACCOUNT_CODE_TAG', type: 'STRING', max: 40 }, // AccountCode
  { tag: 79, name: 'ORIGINATING_DEVID_TAG', type: 'STRING', max: 64 }, // MAKE_PREDICTIVE_CALL_REQ OriginatingDeviceID
  { tag: 80, name: 'ORIGINATING_LINE_ID_TAG', type: 'STRING', max: 40 }, // MAKE_PREDICTIVE_CALL_REQ OriginatingLineID
  { tag: 81, name: 'CLIENT_ADDRESS_TAG', type: 'STRING', max: 64 }, // ClientAddress. Unsure: no layout; the PV19 change note says it grew from 16 to 64 bytes; chose STRING 64
  { tag: 82, name: 'NAMED_VARIABLE_TAG', type: 'NAMEDVAR', max: 251 }, // NamedVariable
  { tag: 83, name: 'NAMED_ARRAY_TAG', type: 'NAMEDARRAY', max: 252 }, // NamedArray
  { tag: 84, name: 'CALL_CONTROL_TABLE_TAG', type: 'STRING', max: 4 }, // MAKE_CALL_REQ CCT
  { tag: 85, name: 'SUPERVISOR_INSTRUMENT_TAG', type: 'STRING', max: 64 }, // SUPERVISE_CALL_REQ SupervisorInstrument (an instrument: STRING 64)
  { tag: 86, name: 'ATC_AGENT_ID_TAG', type: 'STRING', max: 12 }, // AGENT_TEAM_CONFIG_EVENT AtcAgentID
  { tag: 87, name: 'AGENT_FLAGS_TAG', type: 'USHORT', max: 2 }, // AGENT_TEAM_CONFIG_EVENT AgentFlags
  { tag: 88, name: 'ATC_AGENT_STATE_TAG', type: 'USHORT', max: 2 }, // AGENT_TEAM_CONFIG_EVENT AtcAgentState
  { tag: 89, name: 'ATC_STATE_DURATION_TAG', type: 'UINT', max: 4 }, // AGENT_TEAM_CONFIG_EVENT AtcStateDuration
  { tag: 90, name: 'AGENT_CONNECTION_DEVID_TAG', type: 'STRING', max: 64 }, // AgentConnectionDeviceID. Unsure: no layout; chose STRING 64, the guide's rule for every device ID
  { tag: 91, name: 'SUPERVISOR_CONNECTION_DEVID_TAG', type: 'STRING', max: 64 }, // SupervisorConnectionDeviceID. Unsure: no layout; chose STRING 64, the guide's rule for every device ID
  { tag: 92, name: 'LIST_TEAM_ID_TAG', type: 'UINT', max: 4 }, // LIST_AGENT_TEAM_CONF TeamID
  { tag: 93, name: 'DEFAULT_DEVICE_PORT_ADDRESS_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 94, name: 'SERVICE_NAME_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 95, name: 'CUSTOMER_PHONE_NUMBER_TAG', type: 'STRING', max: 20 }, // CustomerPhoneNumber
  { tag: 96, name: 'CUSTOMER_ACCOUNT_NUMBER_TAG', type: 'STRING', max: 32 }, // CustomerAccountNumber
  { tag: 97, name: 'APP_PATH_ID_TAG', type: 'INT', max: 4 }, // OPEN_REQ ApplicationPathID
  { tag: 99, name: 'SCRIPT_SELECTOR_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 100, name: 'APPLICATION_STRING1_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 101, name: 'APPLICATION_STRING2_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 110, name: 'ROUTER_CALL_KEY_SEQUENCE_NUM_TAG', type: 'UINT', max: 4 }, // RouterCallKeySequenceNumber
  { tag: 121, name: 'TRUNK_NUMBER_TAG', type: 'UINT', max: 4 }, // TrunkNumber
  { tag: 122, name: 'TRUNK_GROUP_NUMBER_TAG', type: 'UINT', max: 4 }, // TrunkGroupNumber
  { tag: 123, name: 'EXT_AGENT_STATE_TAG', type: 'USHORT', max: 2 }, // AGENT_STATE_EVENT NextAgentState (Unsure mapping, see cti-protocol.md section 8)
  { tag: 124, name: 'DEQUEUE_TYPE_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 125, name: 'SENDING_ADDRESS_TAG', type: 'STRING', max: 64 }, // SendingAddress. Unsure: no layout; the PV19 change note says it grew from 16 to 64 bytes; chose STRING 64
  { tag: 126, name: 'SENDING_PORT_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 129, name: 'MAX_QUEUED_TAG', type: 'UINT', max: 4 }, // MaxQueued (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 130, name: 'QUEUE_ID_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 131, name: 'CUSTOMER_ID_TAG', type: 'UINT', max: 4 }, // CustomerID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 132, name: 'SERVICE_SKILL_TARGET_ID_TAG', type: 'UINT', max: 4 }, // ServiceSkillTargetID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 133, name: 'PERIPHERAL_NAME_TAG', type: 'STRING', max: 64 }, // PeripheralName (service / skill group name) (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 134, name: 'DESCRIPTION_TAG', type: 'STRING', max: 128 }, // Description (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 135, name: 'SERVICE_MEMBER_ID_TAG', type: 'UINT', max: 4 }, // ServiceMemberID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 136, name: 'SERVICE_MEMBER_PRIORITY_TAG', type: 'USHORT', max: 2 }, // ServiceMemberPriority (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 137, name: 'FIRST_NAME_TAG', type: 'STRING', max: 32 }, // FirstName (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 138, name: 'LAST_NAME_TAG', type: 'STRING', max: 32 }, // LastName (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 139, name: 'SKILL_GROUP_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 141, name: 'AGENT_SKILL_TARGET_ID_TAG', type: 'UINT', max: 4 }, // AgentSkillTargetID (configuration, cti-protocol-supervisor-config.md §22); same name also listed at 185 in the guide
  { tag: 142, name: 'SERVICE_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 150, name: 'DURATION_TAG', type: 'UINT', max: 4 }, // AGENT_STATE_EVENT Duration
  { tag: 173, name: 'EXTENSION_TAG', type: 'STRING', max: 16 }, // Extension (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 174, name: 'SERVICE_LEVEL_THRESHOLD_TAG', type: 'UINT', max: 4 }, // ServiceLevelThreshold (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 175, name: 'SERVICE_LEVEL_TYPE_TAG', type: 'UINT', max: 4 }, // ServiceLevelType (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 176, name: 'CONFIG_PARAM_TAG', type: 'STRING', max: 255 }, // ConfigParam (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 177, name: 'SERVICE_CONFIG_KEY_TAG', type: 'UNSPEC', max: 8 }, // ServiceConfigKey (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 178, name: 'SKILL_GROUP_CONFIG_KEY_TAG', type: 'UNSPEC', max: 8 }, // SkillGroupConfigKey (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 179, name: 'AGENT_CONFIG_KEY_TAG', type: 'UNSPEC', max: 8 }, // AgentConfigKey (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 180, name: 'DEVICE_CONFIG_KEY_TAG', type: 'UNSPEC', max: 8 }, // DeviceConfigKey (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 183, name: 'RECORD_TYPE_TAG', type: 'USHORT', max: 2 }, // RecordType (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 184, name: 'PERIPHERAL_NUMBER_TAG', type: 'UINT', max: 4 }, // PeripheralNumber (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 185, name: 'AGENT_SKILL_TARGET_ID_TAG', type: 'UINT', max: 4 }, // AgentSkillTargetID (as 141) (configuration, cti-protocol-supervisor-config.md §22); same name also listed at 141 in the guide
  { tag: 186, name: 'NUM_SERVICE_MEMBERS_TAG', type: 'USHORT', max: 2 }, // NumServiceMembers (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 187, name: 'SERVICE_MEMBER_TAG', type: 'UINT', max: 4 }, // ServiceMember (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 188, name: 'SERVICE_PRIORITY_TAG', type: 'USHORT', max: 2 }, // ServicePriority (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 189, name: 'AGENT_TYPE_TAG', type: 'USHORT', max: 2 }, // AgentType (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 190, name: 'LOGIN_ID_TAG', type: 'STRING', max: 64 }, // LoginID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 191, name: 'NUM_SKILLS_TAG', type: 'USHORT', max: 2 }, // NumSkills (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 192, name: 'SKILL_GROUP_SKILL_TARGET_ID_TAG', type: 'UINT', max: 4 }, // SkillGroupSkillTargetID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 193, name: 'SERVICE_ID_TAG', type: 'UINT', max: 4 }, // FltServiceID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 194, name: 'AGENT_ID_LONG_TAG', type: 'STRING', max: 12 }, // AgentID (alternative tag). Unsure: the layouts give AgentID STRING 12; UCCX documents 129 for this tag; chose 12
  { tag: 195, name: 'DEVICE_TYPE_TAG', type: 'USHORT', max: 2 }, // DeviceType (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 198, name: 'ENABLE_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 199, name: 'DEVICEID_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 200, name: 'TIMEOUT_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 201, name: 'CURRENT_ROUTE_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 202, name: 'SECONDARY_CONNECTION_CALL_ID', type: 'UINT', max: 4 }, // CALL_DELIVERED_EVENT SecondaryConnectionCallID
  { tag: 203, name: 'PRIORITY_QUEUE_NUMBER_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 204, name: 'TEAM_NAME_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 205, name: 'MEMBER_TYPE_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 206, name: 'EVENT_DEVICE_ID_TAG', type: 'STRING', max: 64 }, // SYSTEM_EVENT EventDeviceID
  { tag: 207, name: 'LOGIN_NAME_TAG', type: 'STRING', max: 255 }, // LoginName (32 before v20) (configuration, cti-protocol-supervisor-config.md §22); V11
  { tag: 208, name: 'PERIPHERAL_ID_TAG', type: 'UINT', max: 4 }, // OPEN_CONF FltPeripheralID. Unsure: cti-protocol.md gives no tag for it; tag 208 per the UCCX OPEN_CONF page
  { tag: 209, name: 'CALL_TYPE_KEY_CONFIG_TAG', type: 'UNSPEC', max: 8 }, // CallTypeConfigKey (configuration, cti-protocol-supervisor-config.md §22); V11
  { tag: 210, name: 'CALL_TYPE_ID_TAG', type: 'UINT', max: 4 }, // FltCallTypeID
  { tag: 211, name: 'CUSTOMER_DEFINITION_ID_TAG', type: 'UINT', max: 4 }, // CustomerDefinitionID (configuration, cti-protocol-supervisor-config.md §22); V11
  { tag: 212, name: 'ENTERPRISE_NAME_TAG', type: 'STRING', max: 32 }, // EnterpriseName (configuration, cti-protocol-supervisor-config.md §22); V11
  { tag: 213, name: 'OLD_PERIPHERAL_NUMBER_TAG', type: 'UINT', max: 4 }, // OldPeripheralNumber (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 214, name: 'CUR_LOGIN_ID', type: 'STRING', max: 64 }, // OldLoginID (configuration, cti-protocol-supervisor-config.md §22); guide spells it without _TAG
  { tag: 215, name: 'ANI_II_TAG', type: 'STRING', max: 2 }, // ANI_II
  { tag: 216, name: 'MR_DOMAIN_ID_TAG', type: 'UINT', max: 4 }, // FltMRDomainID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 217, name: 'CTIOS_CIL_CLIENT_ID_TAG', type: 'STRING', max: 64 }, // CTIOSCILClientID. Unsure: no layout gives a type; chose STRING 64 (names a CTI OS client, like ClientID)
  { tag: 218, name: 'SILENT_MONITOR_STATUS_TAG', type: 'USHORT', max: 2 }, // SilentMonitorStatus
  { tag: 219, name: 'REQUESTING_DEVICE_ID_TAG', type: 'STRING', max: 64 }, // CLEAR_CONNECTION_REQ RequestingDeviceID
  { tag: 220, name: 'REQUESTING_DEVICE_ID_TYPE_TAG', type: 'USHORT', max: 2 }, // CLEAR_CONNECTION_REQ RequestingDeviceIDType
  { tag: 221, name: 'PRE_CALL_INVOKE_ID_TAG', type: 'UINT', max: 4 }, // PreCallInvokeID
  { tag: 222, name: 'ENTERPRISE_QUEUE_TIME', ...NO_LAYOUT }, // no layout gives a type; guide spells it without _TAG
  { tag: 223, name: 'CALL_REFERENCE_ID_TAG', type: 'UNSPEC', max: 32 }, // CallReferenceID
  { tag: 224, name: 'MULTI_LINE_AGENT_CONTROL_TAG', type: 'USHORT', max: 2 }, // OPEN_CONF MultilineAgentControl
  { tag: 225, name: 'NETWORK_CONTROLLED_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 228, name: 'NUM_PERIPHERALS_TAG', type: 'USHORT', max: 2 }, // OPEN_CONF NumPeripherals
  { tag: 229, name: 'COC_CONNECTION_CALL_ID_TAG', type: 'UINT', max: 4 }, // COCConnectionCallID
  { tag: 230, name: 'COC_CONNECTION_DEVICE_ID_TYPE_TAG', type: 'USHORT', max: 2 }, // COCCallConnectionDeviceIDType
  { tag: 231, name: 'COC_CONNECTION_DEVICE_ID_TAG', type: 'STRING', max: 64 }, // COCCallConnectionDeviceID
  { tag: 232, name: 'CALL_ORIGINATED_FROM_TAG', type: 'UCHAR', max: 1 }, // SET_CALL_DATA_REQ CallOriginatedFrom
  { tag: 233, name: 'SET_APPDATA_CALLID_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 234, name: 'CLIENT_SHARE_KEY_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 243, name: 'AGENT_TEAM_NAME_TAG', type: 'STRING', max: 32 }, // AGENT_TEAM_CONFIG_EVENT AgentTeamName
  { tag: 244, name: 'DIRECTION_TAG', type: 'UINT', max: 4 }, // AGENT_STATE_EVENT Direction
  { tag: 245, name: 'OPTIONS_TAG', ...NO_LAYOUT }, // no layout gives a type; ROUTE_REQUEST_EVENT, internal use only for ACMI PIM
  { tag: 246, name: 'FLT_MRD_ID_TAG', ...NO_LAYOUT }, // no layout gives a type; Internal Cisco Use Only
  { tag: 247, name: 'MEDIA_CLASS_ID_TAG', ...NO_LAYOUT }, // no layout gives a type; Internal Cisco Use Only
  { tag: 248, name: 'TASK_LIFE_TAG', ...NO_LAYOUT }, // no layout gives a type; Internal Cisco Use Only
  { tag: 249, name: 'TASK_START_TIMEOUT_TAG', ...NO_LAYOUT }, // no layout gives a type; Internal Cisco Use Only
  { tag: 250, name: 'MAX_TASK_DURATION_TAG', type: 'UINT', max: 4 }, // FltMaxTaskDuration (configuration, cti-protocol-supervisor-config.md §22); Internal Cisco Use Only also CONFIG_MRD_EVENT
  { tag: 251, name: 'INTERRUPTIBLE_TAG', type: 'BOOL', max: 2 }, // FltInterruptible (configuration, cti-protocol-supervisor-config.md §22); Internal Cisco Use Only also CONFIG_MRD_EVENT
  { tag: 252, name: 'MAX_CALLS_IN_QUEUE_TAG', ...NO_LAYOUT }, // no layout gives a type; Internal Cisco Use Only
  { tag: 253, name: 'MAX_CALLS_IN_QUEUE_PER_CALL_TYPE_TAG', ...NO_LAYOUT }, // no layout gives a type; Internal Cisco Use Only
  { tag: 254, name: 'MAX_TIME_IN_QUEUE_TAG', ...NO_LAYOUT }, // no layout gives a type; Internal Cisco Use Only
  { tag: 255, name: 'INTERNAL_AGENT_STATE_TAG', type: 'USHORT', max: 2 }, // QUERY_AGENT_STATE_CONF InternalAgentState
  { tag: 257, name: 'SSO_ENABLED_TAG', type: 'USHORT', max: 2 }, // SSOEnabled (SET_AGENT_STATE_REQ). Unsure: no type printed; USHORT as the message layout chose
  { tag: 258, name: 'FLT_TASK_ID_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 259, name: 'FLT_ICM_DISP_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 260, name: 'FLT_APP_DISP_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 261, name: 'NUM_MRDS_TAG', type: 'USHORT', max: 2 }, // NumMRDs (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 262, name: 'FLT_AGENT_MRD_ID_TAG', type: 'UINT', max: 4 }, // FltAgentMRDID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 263, name: 'FLT_AGENT_MRD_STATE_TAG', type: 'USHORT', max: 2 }, // FltAgentMRDState (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 264, name: 'FLT_PRECISION_QUEUE_ID_TAG', type: 'UINT', max: 4 }, // FltPrecisionQueueID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 265, name: 'FLT_PRECISION_QUEUE_NAME_TAG', type: 'STRING', max: 32 }, // FltPrecisionQueueName (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 266, name: 'MAX_BEYOND_TASK_LIMIT_TAG', type: 'UINT', max: 4 }, // MaxBeyondTaskLimit
  { tag: 267, name: 'AGENT_DESK_SETTINGS_ID_TAG', type: 'UINT', max: 4 }, // AgentDeskSettingsID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 268, name: 'XFER_IN_WHILE_LOGGED_OUT_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 269, name: 'PERIPHERAL_CONFIG_KEY_TAG', type: 'UNSPEC', max: 8 }, // PeripheralConfigKey (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 270, name: 'AGENT_DESK_SETTINGS_CONFIG_KEY_TAG', type: 'UNSPEC', max: 8 }, // AgentDeskSettingsConfigKey (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 271, name: 'CONFIG_PERIPHERAL_ID_TAG', type: 'UINT', max: 4 }, // ConfigPeripheralID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 272, name: 'DEFAULT_AGENT_DESK_SETTINGS_ID_TAG', type: 'UINT', max: 4 }, // DefaultAgentDeskSettingsID (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 273, name: 'FLT_DESK_SETTINGS_MASK_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 274, name: 'FLT_WRAP_UP_DATA_INCOMING_MODE_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 275, name: 'FLT_WRAP_UP_DATA_OUTGOING_MODE_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 276, name: 'FLT_LOGOUT_NON_ACTIVITY_TIME_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 277, name: 'FLT_QUALITY_RECORDING_RATE_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 278, name: 'FLT_RING_NO_ANSWER_TIME_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 279, name: 'FLT_SILENT_MONITOR_WARNING_MESSAGE_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 280, name: 'FLT_SILENT_MONITOR_AUDIBLE_INDICATION_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 281, name: 'FLT_SUPERVISOR_ASSIST_CALL_METHOD_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 282, name: 'FLT_EMERGENCY_CALL_METHOD_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 283, name: 'FLT_AUTO_RECORD_ON_EMERGENCY_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 284, name: 'FLT_RECORDING_MODE_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 285, name: 'FLT_WORK_MODE_TIMER_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 286, name: 'FLT_RING_NO_ANSWER_DN_ID_TAG', type: 'UINT', max: 4 }, // agent desk setting (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 287, name: 'FLT_DEFAULT_DEVICE_PORT_ADDRESS_TAG', type: 'STRING', max: 64 }, // FltDefaultDevicePortAddress (printed "String, 4"; Unsure) (configuration, cti-protocol-supervisor-config.md §22)
  { tag: 288, name: 'DESKTOP_CONNECTED_FLAG_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 289, name: 'PLAY_TONE_DIRECTION_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 290, name: 'INVOCATION_TYPE_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 291, name: 'RECORDER_ADDRESS_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 292, name: 'TERMINAL_NAME_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 293, name: 'MEDIA_FORKING_DEVICE_NAME_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 294, name: 'PROTOCOL_REFERENCE_GUID_TAG', type: 'STRING', max: 40 }, // ProtocolReferenceGUID
  { tag: 295, name: 'MEDIA_FORKING_CLUSTER_ID_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 296, name: 'RECORDER_URI_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 297, name: 'RECORDER_ERROR_MSG_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 298, name: 'RECORDER_TYPE_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 299, name: 'RECORDER_STATUS_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 300, name: 'RECORDING_DEVICE_ID_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 302, name: 'FLT_TERM_TYPE', type: 'USHORT', max: 2 }, // TerminalType (configuration, cti-protocol-supervisor-config.md §22); guide spells it without _TAG
  { tag: 303, name: 'FLT_TERM_DEVICE_NAME', type: 'STRING', max: 64 }, // ActiveTerminal (Unsure mapping, see cti-protocol.md section 8)
  { tag: 304, name: 'FLT__TERM_TYPE_NAME', type: 'STRING', max: 100 }, // TerminalTypeName (configuration, cti-protocol-supervisor-config.md §22); guide spells it with a double underscore and without _TAG
  { tag: 305, name: 'FLT_NUM_INSTRUMENTS', type: 'USHORT', max: 2 }, // NumInstruments (configuration, cti-protocol-supervisor-config.md §22); guide spells it without _TAG
  { tag: 306, name: 'ACD_SHARED_LINE_USAGE', type: 'UINT', max: 4 }, // ACDSharedLineUsage (configuration, cti-protocol-supervisor-config.md §22); guide spells it without _TAG
  { tag: 307, name: 'PLAY_ZIP_TONE', type: 'UINT', max: 4 }, // PlayZipTone (configuration, cti-protocol-supervisor-config.md §22); guide spells it without _TAG
  { tag: 309, name: 'FLT_ENABLED_SERVICES', type: 'USHORT', max: 2 }, // FltEnabledServices. Unsure: the layout reads "USHORT x N"; taken as one USHORT per field, repeated N times (as AGENT_PRE_CALL_EVENT's table does)
  { tag: 310, name: 'NUM_OF_ENABLED_SERVICES', type: 'USHORT', max: 2 }, // NumOfEnabledServices
  { tag: 311, name: 'CCAI_CONFIG_ID', type: 'STRING', max: 40 }, // CcaiConfigId
  { tag: 312, name: 'MEDIA_TYPE_TAG', ...NO_LAYOUT }, // no layout gives a type
  { tag: 313, name: 'MEDIA_PROVIDER_TAG', ...NO_LAYOUT }, // no layout gives a type
];

export const TAG_BY_NUMBER: ReadonlyMap<number, TagDef> = new Map(TAGS.map((t) => [t.tag, t]));
