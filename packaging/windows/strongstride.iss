; Inno Setup script for StrongStride: a per-user installer (no administrator rights).
; Compiled by packaging/build.py on Windows:
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=dist\StrongStride /DOutputDir=dist /DIconFile=build\icons\strongstride.ico packaging\windows\strongstride.iss
; It installs the one-folder app into %LOCALAPPDATA%\Programs\StrongStride, adds a Start-menu
; entry, offers "Open with StrongStride" for .fit files (opening one imports it) and, as an
; option, the `strongstride` command on PATH. The uninstaller removes the app and keeps the
; runner's data in %LOCALAPPDATA%\StrongStride unless the runner asks to delete it.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (build.py passes the package version)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\StrongStride"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\strongstride.ico"
#endif
#define AppExe "StrongStride.exe"
#define AppProgId "StrongStride.fit"

[Setup]
AppId={{6A0D5C1E-3B8F-4F4B-9C51-2E7F1B0C9D42}
AppName=StrongStride
AppVersion={#AppVersion}
AppVerName=StrongStride {#AppVersion}
AppPublisher=StrongStride
VersionInfoVersion={#AppVersion}
; Per user: no UAC prompt; {autopf} becomes %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\StrongStride
DefaultGroupName=StrongStride
DisableProgramGroupPage=yes
ChangesAssociations=yes
ChangesEnvironment=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=StrongStride-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=StrongStride
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "fitassoc"; Description: "Offer ""Open with StrongStride"" for .fit activity files"; GroupDescription: "Integration:"
Name: "addtopath"; Description: "Add the ""strongstride"" command line to PATH"; GroupDescription: "Integration:"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\StrongStride"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\StrongStride"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with": the .fit extension lists StrongStride's ProgID; it never takes over the default.
Root: HKA; Subkey: "Software\Classes\.fit\OpenWithProgids"; ValueType: string; ValueName: "{#AppProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fitassoc
Root: HKA; Subkey: "Software\Classes\{#AppProgId}"; ValueType: string; ValueName: ""; ValueData: "FIT activity file"; Flags: uninsdeletekey; Tasks: fitassoc
Root: HKA; Subkey: "Software\Classes\{#AppProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: fitassoc
Root: HKA; Subkey: "Software\Classes\{#AppProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: fitassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".fit"; ValueData: ""; Flags: uninsdeletekey; Tasks: fitassoc
; The command line: {app}\bin holds only strongstride.cmd, so `strongstride` never finds
; StrongStride.exe (Windows ignores case) and always runs the console strongstride-cli.exe.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}\bin"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}\bin'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,StrongStride}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure RemoveFromPath(Dir: string);
var
  Path: string;
  P: Integer;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
    exit;
  P := Pos(';' + Uppercase(Dir), Uppercase(Path));
  if P = 0 then
    exit;
  Delete(Path, P, Length(Dir) + 1);
  RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: string;
begin
  if CurUninstallStep = usUninstall then
    RemoveFromPath(ExpandConstant('{app}\bin'));
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\StrongStride');
    if DirExists(DataDir) and not UninstallSilent() then
      if MsgBox('StrongStride is removed. Also delete your training data in ' + DataDir +
                ' (your activities, plans and logged sessions)?' + #13#10#13#10 +
                'Choose No to keep it for a later installation.',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      begin
        DelTree(DataDir, True, True, True);
        DelTree(ExpandConstant('{localappdata}\StrongStride Demo'), True, True, True);
      end;
  end;
end;
