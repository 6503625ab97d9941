# x86-64 primitives the C# side imports by name ([RuntimeImport("*", "ks_...")]),
# called with the SysV convention (arguments in rdi, rsi; result in rax), plus
# the runtime symbols ilc's code expects the image to define.
	.intel_syntax noprefix
	.text

	.global ks_outb
ks_outb:                                  # void ks_outb(ushort port, byte value)
	mov edx, edi
	mov eax, esi
	out dx, al
	ret

	.global ks_inb
ks_inb:                                   # byte ks_inb(ushort port)
	mov edx, edi
	in al, dx
	movzx eax, al
	ret

	.global ks_read_tsc
ks_read_tsc:                              # ulong ks_read_tsc(void)
	rdtsc
	shl rdx, 32
	or rax, rdx
	ret

	.global ks_halt
ks_halt:                                  # wait for the next interrupt
	hlt
	ret

	.global ks_pause
ks_pause:                                 # spin-wait hint
	pause
	ret

	.global ks_disable_interrupts
ks_disable_interrupts:
	cli
	ret

	.global ks_enable_interrupts
ks_enable_interrupts:
	sti
	ret

# Write barriers: the kernel has no GC, so storing a reference is a plain store.
	.global RhpAssignRef
RhpAssignRef:                             # *rdi = rsi
	mov [rdi], rsi
	ret

	.global RhpCheckedAssignRef
RhpCheckedAssignRef:
	mov [rdi], rsi
	ret

	.global RhpByRefAssignRef
RhpByRefAssignRef:                        # *rdi++ = *rsi++ (both advance by 8)
	mov rcx, [rsi]
	mov [rdi], rcx
	add rdi, 8
	add rsi, 8
	ret

# ilc's --nativelib start-up stub brackets its work with these transitions into
# and out of managed code; with one thread of boot code there is nothing to do.
	.global RhpReversePInvoke
RhpReversePInvoke:
	ret

	.global RhpReversePInvokeReturn
RhpReversePInvokeReturn:
	ret

	.data
	.align 8
	.global __security_cookie
__security_cookie:                        # stack-protector canary read by ilc's prologs
	.quad 0x2B992DDFA232

	.text
	.global ks_image_end
ks_image_end:                             # the first byte past the image and its .bss
	lea rax, [rip + __bss_end]
	ret

	.section .note.GNU-stack, "", @progbits

# Deliberate CPU exceptions for `fault de|ud|pf|gp` (demonstrates fault reporting).
	.text
	.global ks_fault_divide_error
ks_fault_divide_error:                    # #DE (vector 0): divide by zero
	xor ecx, ecx
	mov eax, 1
	xor edx, edx
	div ecx
	ret

	.global ks_fault_invalid_opcode
ks_fault_invalid_opcode:                  # #UD (vector 6)
	ud2
	ret

	.global ks_fault_page_fault
ks_fault_page_fault:                      # #PF (vector 14): 4 GiB is just past the boot identity map
	movabs rax, 0x100000000
	mov rax, [rax]
	ret

	.global ks_fault_general_protection
ks_fault_general_protection:              # #GP (vector 13): a non-canonical address
	movabs rax, 0x8000000000000000
	mov rax, [rax]
	ret

	.text
	.global ks_read_msr
ks_read_msr:                              # ulong ks_read_msr(uint msr)
	mov ecx, edi
	rdmsr
	shl rdx, 32
	or rax, rdx
	ret

	.global ks_write_msr
ks_write_msr:                             # void ks_write_msr(uint msr, ulong value)
	mov ecx, edi
	mov eax, esi
	mov rdx, rsi
	shr rdx, 32
	wrmsr
	ret

	.global ks_enable_interrupts_and_halt
ks_enable_interrupts_and_halt:            # sti takes effect after the next instruction, so no
	sti                                   # interrupt can slip in between and leave hlt sleeping
	hlt
	ret
