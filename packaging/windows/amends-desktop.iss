; Inno Setup script for amends-desktop on Windows (prepared, not built on the project's Linux machines).
;
; Build on Windows, from the repository root:
;   python -m pip install -e ".[dev]"
;   pyinstaller --noconfirm --clean --distpath packaging\dist --workpath packaging\build packaging\amends-desktop.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\amends-desktop.iss
; Result: packaging\dist\amends-desktop-0.1.0-setup.exe
;
; The bundle holds two programs that share one folder: AmendsDesktop.exe (windowed, for the Start
; menu) and amends-desktop.exe (console, for --self-check, --init and --version).
; Installs per user by default (no administrator needed on a personal laptop); the person can
; choose an all-users install in the setup dialog. The vault lives in the user's data folder and
; is never touched by installing or uninstalling.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Amends Desktop"
#define AppExe "AmendsDesktop.exe"

[Setup]
AppId={{5917869D-E2EC-45DF-8548-23E79D58096B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=amends-desktop developers
DefaultDirName={autopf}\amends-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile=LICENSE.txt
SetupIconFile=..\..\resources\icons\amends-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\dist
OutputBaseFilename=amends-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\amends-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "A private, offline workbook for Steps 8 and 9"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
